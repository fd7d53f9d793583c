using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Ingestion;
using Pipeline.Runtime;

namespace Pipeline.Functions;

/// <summary>A new article blob (delivered by Event Grid) becomes an enriched document on the queue, or a quarantined file.</summary>
public sealed class IngestArticle(IngestArticleHandler handler)
{
    [Function(nameof(IngestArticle))]
    public Task Run(
        [BlobTrigger(PipelineNames.ArticlesContainer + "/{name}", Source = BlobTriggerSource.EventGrid, Connection = PipelineNames.StorageConnection)] BlobClient article,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(article, cancellationToken);
}
