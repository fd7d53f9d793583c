using Azure.Storage.Queues.Models;
using Microsoft.Azure.WebJobs;
using Pipeline.Ingestion;
using Pipeline.Ingestion.Enrichment;
using Pipeline.Runtime;
using Pipeline.Summary;

namespace Pipeline.Local.Hosting;

/// <summary>
/// The same two functions as the Azure app, on the WebJobs SDK trigger engine. New article blobs arrive as announcements
/// from <see cref="ArticleScanner"/> (Event Grid's role in Azure), then run the same Core handler.
/// </summary>
public sealed class LocalFunctions(IngestArticleHandler ingest, SummarizeArticleHandler summarize, PipelineStorage storage)
{
    /// <remarks>
    /// Bound as a raw message and read with the source-generated serializer: the SDK's POCO binding parses every message
    /// into a JObject and builds Newtonsoft contracts with emitted code, which cost more CPU than the analysis itself.
    /// </remarks>
    [FunctionName("IngestArticle")]
    public Task IngestArticle(
        [QueueTrigger(ArticleScanner.AnnouncementQueue, Connection = PipelineNames.StorageConnection)] QueueMessage message,
        CancellationToken cancellationToken)
    {
        var announcement = message.Body.ToObjectFromJson(LocalJson.Default.BlobAnnouncement)
                           ?? throw new InvalidDataException("An empty blob announcement.");
        return ingest.HandleAsync(storage.Container(announcement.ContainerName).GetBlobClient(announcement.BlobName), cancellationToken);
    }

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
