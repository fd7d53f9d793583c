using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Summary;

namespace Pipeline.Functions;

/// <summary>An article blob was deleted (Event Grid's BlobDeleted, delivered to a queue): the summary no longer counts it.</summary>
public sealed class RetractArticle(RetractArticleHandler handler)
{
    [Function(nameof(RetractArticle))]
    public Task Run(
        [QueueTrigger(PipelineNames.DeletedQueue, Connection = PipelineNames.StorageConnection)] QueueMessage message,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(message, cancellationToken);
}
