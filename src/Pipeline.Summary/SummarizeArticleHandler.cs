using System.Diagnostics;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using Pipeline.Runtime;
using Polly;
using Polly.Registry;

namespace Pipeline.Summary;

public enum SummarizeOutcome
{
    Recorded,
    Rejected,

    /// <summary>The article was retracted and its blob is gone: this revision, read before the delete, is not counted.</summary>
    Refused,
}

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

        bool recorded = await _retry.ExecuteAsync(async ct =>
        {
            var contribution = article is not null ? ArticleContribution.From(article) : reference!.Contribution;
            if (!await records.RecordAsync(contribution, ct).ConfigureAwait(false))
            {
                // Read before the delete and finished after it: the document it left behind must not outlive the retraction.
                await DeleteEnrichedRevisionAsync(contribution, ct).ConfigureAwait(false);
                logger.RevisionRefused(contribution.ArticleId, contribution.ContentHash);
                return false;
            }
            PipelineTelemetry.ArticlesRecorded.Add(1);
            PipelineTelemetry.ArticleLatency.Record((clock.GetUtcNow() - contribution.SourceLastModified).TotalSeconds);
            int folded = await folder.FoldPendingAsync(ct).ConfigureAwait(false);
            if (folded > 0) PipelineTelemetry.ArticlesFolded.Add(folded);
            return true;
        }, cancellationToken).ConfigureAwait(false);

        PipelineTelemetry.StageDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("stage", "summarize"));
        return recorded ? SummarizeOutcome.Recorded : SummarizeOutcome.Refused;
    }

    private async Task DeleteEnrichedRevisionAsync(ArticleContribution contribution, CancellationToken cancellationToken)
    {
        var enriched = storage.Container(PipelineNames.EnrichedContainer).GetBlobClient(EnrichedArticleMessage.BlobName(contribution.ArticleId));
        try
        {
            var properties = (await enriched.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            if (properties.Metadata.TryGetValue(PipelineNames.SourceModifiedMetadata, out var ticks) &&
                ticks == contribution.SourceLastModified.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture))
                await RetractArticleHandler.DeleteAtVersionAsync(enriched, properties.ETag, cancellationToken).ConfigureAwait(false);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404) { }
    }
}
