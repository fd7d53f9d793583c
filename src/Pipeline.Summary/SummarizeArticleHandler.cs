using System.Diagnostics;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using Pipeline.Runtime;
using Polly;
using Polly.Registry;

namespace Pipeline.Summary;

public enum SummarizeOutcome { Recorded, Rejected }

/// <summary>
/// The queue-triggered stage: one enriched-article message becomes one idempotent record, then the summary is folded.
/// A redelivered or duplicated message records nothing new; a message that is not an enriched article is moved to the
/// poison queue with its reason instead of being retried.
/// </summary>
public sealed class SummarizeArticleHandler(
    PipelineStorage storage,
    ArticleRecordStore records,
    SummaryFolder folder,
    ResiliencePipelineProvider<string> resilience,
    TimeProvider clock,
    ILogger<SummarizeArticleHandler> logger)
{
    private readonly ResiliencePipeline _retry = resilience.GetPipeline(TransientFaults.StoragePipeline);

    /// <summary>The queue trigger's entry: the message id goes into the log line of a rejected message.</summary>
    public Task<SummarizeOutcome> HandleAsync(QueueMessage message, CancellationToken cancellationToken) =>
        HandleAsync(message.Body, message.MessageId, cancellationToken);

    public Task<SummarizeOutcome> HandleAsync(BinaryData message, CancellationToken cancellationToken) =>
        HandleAsync(message, null, cancellationToken);

    private async Task<SummarizeOutcome> HandleAsync(BinaryData message, string? messageId, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        if (!PipelineMessages.TryReadEnriched(message, out var article, out var reference, out string reason))
        {
            using var rejected = PipelineTelemetry.Source.StartActivity("SummarizeArticle");
            rejected?.SetStatus(ActivityStatusCode.Error, "not an enriched article");
            await PipelineMessages.RejectAsync(storage, PipelineNames.EnrichedQueue, PipelineNames.EnrichedPoisonQueue, messageId, message, reason, logger, cancellationToken).ConfigureAwait(false);
            return SummarizeOutcome.Rejected;
        }

        using var activity = PipelineTelemetry.StartContinuation("SummarizeArticle", article is not null ? article.TraceParent : reference!.TraceParent);
        activity?.SetTag("article.id", article is not null ? article.ArticleId : reference!.ArticleId);

        await _retry.ExecuteAsync(async ct =>
        {
            var contribution = article is not null ? ArticleContribution.From(article) : reference!.Contribution;
            await records.RecordAsync(contribution, ct).ConfigureAwait(false);
            PipelineTelemetry.ArticlesRecorded.Add(1);
            PipelineTelemetry.ArticleLatency.Record((clock.GetUtcNow() - contribution.SourceLastModified).TotalSeconds);
            int folded = await folder.FoldPendingAsync(ct).ConfigureAwait(false);
            if (folded > 0) PipelineTelemetry.ArticlesFolded.Add(folded);
        }, cancellationToken).ConfigureAwait(false);

        PipelineTelemetry.StageDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("stage", "summarize"));
        return SummarizeOutcome.Recorded;
    }
}
