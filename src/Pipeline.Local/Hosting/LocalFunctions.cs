using Azure.Storage.Blobs;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.WebJobs;
using Pipeline.Core.Enrichment;
using Pipeline.Core.Storage;
using Pipeline.Core.Summary;

namespace Pipeline.Local.Hosting;

/// <summary>The same two functions as the Azure app, on the WebJobs SDK trigger engine (which polls Azurite for new blobs).</summary>
public sealed class LocalFunctions(IngestArticleHandler ingest, SummarizeArticleHandler summarize)
{
    [FunctionName("IngestArticle")]
    public Task IngestArticle(
        [BlobTrigger(PipelineNames.ArticlesContainer + "/{name}", Connection = PipelineNames.StorageConnection)] BlobClient article,
        CancellationToken cancellationToken) =>
        ingest.HandleAsync(article, cancellationToken);

    [FunctionName("SummarizeArticles")]
    public Task SummarizeArticles(
        [QueueTrigger(PipelineNames.EnrichedQueue, Connection = PipelineNames.StorageConnection)] QueueMessage message,
        CancellationToken cancellationToken) =>
        summarize.HandleAsync(message.Body, cancellationToken);
}

/// <summary>Tells the WebJobs indexer exactly which classes hold functions (it would otherwise scan the entry assembly).</summary>
internal sealed class LocalFunctionTypes : ITypeLocator
{
    public IReadOnlyList<Type> GetTypes() => [typeof(LocalFunctions)];
}
