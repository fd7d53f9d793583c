using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Summary;

namespace Pipeline.Functions;

/// <summary>An enriched-article message is recorded once and folded into the summary dashboards read.</summary>
public sealed class SummarizeArticles(SummarizeArticleHandler handler)
{
    [Function(nameof(SummarizeArticles))]
    public Task Run(
        [QueueTrigger(PipelineNames.EnrichedQueue, Connection = PipelineNames.StorageConnection)] QueueMessage message,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(message, cancellationToken);
}
