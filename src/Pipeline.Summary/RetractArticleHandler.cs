using System.Diagnostics;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using Pipeline.Runtime;
using Polly;
using Polly.Registry;

namespace Pipeline.Summary;

/// <summary>
/// The queue-triggered retraction stage: a <c>Microsoft.Storage.BlobDeleted</c> event takes the article out of the
/// summary (exactly once, through the same fold as revisions) and deletes its enriched document, so a withdrawn story's
/// text is no longer served. A message that is not such an event goes to <c>articles-deleted-poison</c> with its reason.
/// </summary>
public sealed class RetractArticleHandler(
    PipelineStorage storage,
    ArticleRecordStore records,
    SummaryFolder folder,
    ResiliencePipelineProvider<string> resilience,
    ILogger<RetractArticleHandler> logger)
{
    private readonly ResiliencePipeline _retry = resilience.GetPipeline(TransientFaults.StoragePipeline);

    public Task<IReadOnlyList<RetractOutcome>> HandleAsync(QueueMessage message, CancellationToken cancellationToken) =>
        HandleAsync(message.Body, message.MessageId, cancellationToken);

    public Task<IReadOnlyList<RetractOutcome>> HandleAsync(BinaryData message, CancellationToken cancellationToken) =>
        HandleAsync(message, null, cancellationToken);

    /// <returns>One outcome per deleted article blob in the message; none when it was rejected or named other containers.</returns>
    private async Task<IReadOnlyList<RetractOutcome>> HandleAsync(BinaryData message, string? messageId, CancellationToken cancellationToken)
    {
        using var activity = PipelineTelemetry.Source.StartActivity("RetractArticle");
        if (!BlobDeletedEvents.TryRead(message, out var deletions, out string reason))
        {
            activity?.SetStatus(ActivityStatusCode.Error, "not a BlobDeleted event");
            await PipelineMessages.RejectAsync(storage, PipelineNames.DeletedQueue, PipelineNames.DeletedPoisonQueue, messageId, message, reason, logger, cancellationToken).ConfigureAwait(false);
            return [];
        }

        var outcomes = new List<RetractOutcome>();
        foreach (var deletion in deletions)
        {
            if (deletion.Container != PipelineNames.ArticlesContainer)
            {
                // The subscription filters on the articles container; anything else is not an article.
                logger.NotAnArticle(deletion.Container, deletion.Name);
                continue;
            }
            string articleId = ArticleIdentity.ArticleId(deletion.Container, deletion.Name);
            activity?.SetTag("article.id", articleId);
            var outcome = await _retry.ExecuteAsync(ct => new ValueTask<RetractOutcome>(RetractAsync(articleId, deletion, ct)), cancellationToken).ConfigureAwait(false);
            logger.Retraction(deletion.Name, articleId, outcome);
            outcomes.Add(outcome);
        }
        PipelineTelemetry.ArticlesRetracted.Add(outcomes.Count(o => o == RetractOutcome.Retracted));
        // A duplicate may find its first delivery's retraction still pending, if that instance died before folding.
        if (outcomes.Any(o => o is RetractOutcome.Retracted or RetractOutcome.AlreadyRetracted))
        {
            await _retry.ExecuteAsync(async ct => await folder.FoldPendingAsync(ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        return outcomes;
    }

    /// <summary>
    /// The enriched document's version is read before the retraction checks that the source blob is gone, and deleted
    /// only at that version: a re-upload's document written in between is newer, and stays.
    /// </summary>
    private async Task<RetractOutcome> RetractAsync(string articleId, BlobDeletion deletion, CancellationToken cancellationToken)
    {
        var enriched = storage.Container(PipelineNames.EnrichedContainer).GetBlobClient(EnrichedArticleMessage.BlobName(articleId));
        ETag? version = null;
        try { version = (await enriched.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value.ETag; }
        catch (RequestFailedException e) when (e.Status == 404) { }

        var outcome = await records.RetractAsync(articleId, deletion.Name, deletion.DeletedAt, cancellationToken).ConfigureAwait(false);
        if (outcome != RetractOutcome.StillPresent && version is { } etag)
            await DeleteAtVersionAsync(enriched, etag, cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>Deletes the blob if it is still at <paramref name="etag"/>; a newer or missing blob is left as it is.</summary>
    internal static async Task DeleteAtVersionAsync(BlobClient blob, ETag etag, CancellationToken cancellationToken)
    {
        try { await blob.DeleteIfExistsAsync(conditions: new BlobRequestConditions { IfMatch = etag }, cancellationToken: cancellationToken).ConfigureAwait(false); }
        catch (RequestFailedException e) when (e.Status == 412) { }
    }
}
