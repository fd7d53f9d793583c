using Azure.Storage.Queues.Models;
using Microsoft.Azure.WebJobs;
using Pipeline.Ingestion;
using Pipeline.Runtime;
using Pipeline.Summary;
using Microsoft.Extensions.Logging;

namespace Pipeline.Local.Hosting;

/// <summary>
/// The same three queue and blob functions as the Azure app, on the WebJobs SDK trigger engine. New and deleted article
/// blobs are announced by <see cref="ArticleScanner"/> (Event Grid's role in Azure), then run the same Core handlers.
/// </summary>
public sealed class LocalFunctions(IngestArticleHandler ingest, SummarizeArticleHandler summarize, RetractArticleHandler retract, PipelineStorage storage, ILogger<LocalFunctions> logger)
{
    /// <remarks>
    /// Bound as a raw message and read without the SDK's POCO binding, which parses every message into a JObject and builds
    /// Newtonsoft contracts with emitted code, costing more CPU than the analysis itself. Anyone who can write to the queue
    /// can put a message on it: one that is not an announcement of an article blob goes to poison at once, with its reason.
    /// </remarks>
    [FunctionName("IngestArticle")]
    public Task IngestArticle(
        [QueueTrigger(ArticleScanner.AnnouncementQueue, Connection = PipelineNames.StorageConnection)] QueueMessage message,
        CancellationToken cancellationToken) =>
        PipelineMessages.TryReadBlobTrigger(message.Body, out var announcement, out string reason)
            ? ingest.HandleAsync(storage.Container(announcement!.ContainerName).GetBlobClient(announcement.BlobName), cancellationToken)
            : PipelineMessages.RejectAsync(storage, ArticleScanner.AnnouncementQueue, PipelineNames.BlobPoisonQueue, message.MessageId, message.Body, reason, logger, cancellationToken);

    [FunctionName("SummarizeArticles")]
    public Task SummarizeArticles(
        [QueueTrigger(PipelineNames.EnrichedQueue, Connection = PipelineNames.StorageConnection)] QueueMessage message,
        CancellationToken cancellationToken) =>
        summarize.HandleAsync(message, cancellationToken);

    [FunctionName("RetractArticle")]
    public Task RetractArticle(
        [QueueTrigger(PipelineNames.DeletedQueue, Connection = PipelineNames.StorageConnection)] QueueMessage message,
        CancellationToken cancellationToken) =>
        retract.HandleAsync(message, cancellationToken);
}

/// <summary>Tells the WebJobs indexer exactly which classes hold functions (it would otherwise scan the entry assembly).</summary>
internal sealed class LocalFunctionTypes : ITypeLocator
{
    public IReadOnlyList<Type> GetTypes() => [typeof(LocalFunctions)];
}
