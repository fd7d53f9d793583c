using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues.Models;
using Pipeline.Runtime;

namespace Pipeline.Operations;

public enum ReplayOutcome
{
    /// <summary>Sent back through the pipeline and removed from quarantine, poison or dead-letter.</summary>
    Replayed,
    /// <summary>An earlier, interrupted replay had already sent it; this one only finished the removal.</summary>
    AlreadyReplayed,
    /// <summary>The blob was deleted or replaced since it failed; the newer version has its own event, so only the entry is removed.</summary>
    Obsolete,
    /// <summary>Left where it is, with the reason in the detail.</summary>
    Skipped,
    /// <summary>A poison message the pipeline cannot read (not Base64, not JSON, not its schema): left where it is, with the reason in the detail.</summary>
    Unreplayable,
}

/// <summary>One item of a replay: where it came from (the quarantine container or a poison queue), what it is, what happened.</summary>
public sealed record ReplayResult(string Source, string Item, ReplayOutcome Outcome, string? Detail = null);

/// <summary>
/// Sends quarantined and poisoned items back through the pipeline after a fix. Each item is removed from quarantine or
/// poison only after it is re-queued, so an interrupted replay loses nothing; a re-run sends nothing twice that already
/// went: the re-sent article blob carries a <c>replayof</c> marker naming the quarantine record or poison message it
/// came from, and removals are conditional on the ETag read, so an article quarantined again meanwhile stays quarantined.
/// A poison message sent to the queue again by a replay that died before deleting it would be sent twice; the summary
/// absorbs that, because recording an article revision is idempotent.
/// </summary>
public sealed class PipelineReplayer(PipelineStorage storage, PipelineInspector inspector)
{
    internal const string ReplayMarker = "replayof";
    private static readonly TimeSpan Lock = TimeSpan.FromMinutes(2);

    /// <summary>Copies each quarantined article (optionally of one reason) back to <c>articles/{name}</c>: a new version, so a new event.</summary>
    public async IAsyncEnumerable<ReplayResult> ReplayQuarantineAsync(string? reason, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var entries = new List<QuarantineEntry>();
        await foreach (var entry in inspector.ListQuarantineAsync(cancellationToken).ConfigureAwait(false))
        {
            if (reason is null || string.Equals(entry.Reason, reason, StringComparison.OrdinalIgnoreCase))
                entries.Add(entry);
        }
        foreach (var entry in entries)
            yield return await ReplayQuarantinedAsync(entry, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ReplayResult> ReplayQuarantinedAsync(QuarantineEntry entry, CancellationToken cancellationToken)
    {
        const string source = PipelineNames.QuarantineContainer;
        var quarantine = storage.Container(PipelineNames.QuarantineContainer);
        var copy = quarantine.GetBlobClient(entry.Name);
        var record = quarantine.GetBlobClient(QuarantineRecord.BlobName(entry.Name));
        var target = storage.Container(PipelineNames.ArticlesContainer).GetBlobClient(entry.Name);
        string marker = entry.RecordETag.ToString();

        var sent = await PropertiesAsync(target, cancellationToken).ConfigureAwait(false);
        if (sent?.Metadata.TryGetValue(ReplayMarker, out var replayOf) == true && replayOf == marker)
        {
            await DeleteIfUnchangedAsync(copy, null, cancellationToken).ConfigureAwait(false);
            await DeleteIfUnchangedAsync(record, entry.RecordETag, cancellationToken).ConfigureAwait(false);
            return new ReplayResult(source, entry.Name, ReplayOutcome.AlreadyReplayed);
        }

        var quarantined = await PropertiesAsync(copy, cancellationToken).ConfigureAwait(false);
        if (quarantined is null)
            return new ReplayResult(source, entry.Name, ReplayOutcome.Skipped, "the quarantined copy is missing");
        // CopyStatus reads Pending (the enum's default) on a blob never copied, e.g. one an operator uploaded as the fix: only a copy id means a copy.
        if (!string.IsNullOrEmpty(quarantined.CopyId) && quarantined.CopyStatus != CopyStatus.Success)
            return new ReplayResult(source, entry.Name, ReplayOutcome.Skipped, $"the quarantined copy is {quarantined.CopyStatus}");

        var operation = await target.StartCopyFromUriAsync(copy.Uri, new BlobCopyFromUriOptions
        {
            Metadata = new Dictionary<string, string>(quarantined.Metadata) { [ReplayMarker] = marker },
            SourceConditions = new BlobRequestConditions { IfMatch = quarantined.ETag },
        }, cancellationToken).ConfigureAwait(false);
        await operation.WaitForCompletionAsync(cancellationToken).ConfigureAwait(false);

        // Only now that the article is back in articles/ may the quarantine let go of it; If-Match keeps a fresh quarantine of the same name.
        await DeleteIfUnchangedAsync(copy, quarantined.ETag, cancellationToken).ConfigureAwait(false);
        await DeleteIfUnchangedAsync(record, entry.RecordETag, cancellationToken).ConfigureAwait(false);
        PipelineTelemetry.ItemsReplayed.Add(1, new KeyValuePair<string, object?>("source", source));
        return new ReplayResult(source, entry.Name, ReplayOutcome.Replayed, entry.Reason);
    }

    /// <summary>
    /// Every poison queue: enriched-article and blob-deleted messages go back to their queue (both handlers are idempotent);
    /// failed blob-trigger invocations re-trigger their blob.
    /// </summary>
    public async IAsyncEnumerable<ReplayResult> ReplayPoisonAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var result in DrainAsync(PipelineNames.EnrichedPoisonQueue, ResendEnrichedAsync, cancellationToken).ConfigureAwait(false))
            yield return result;
        await foreach (var result in DrainAsync(PipelineNames.BlobPoisonQueue, RetriggerBlobAsync, cancellationToken).ConfigureAwait(false))
            yield return result;
        await foreach (var result in DrainAsync(PipelineNames.DeletedPoisonQueue, ResendDeletedAsync, cancellationToken).ConfigureAwait(false))
            yield return result;
    }

    /// <summary>
    /// Receives the messages of <paramref name="queue"/> and hands each readable one to <paramref name="replay"/>; a message is
    /// deleted only after that returns an outcome other than Skipped. A message whose body this replay already sent is one
    /// that failed again meanwhile: it is left visible for the next replay (after a real fix), which also ends the loop.
    /// Messages left in place stay hidden while the replay runs, so it meets each once, and are visible again when it ends.
    /// </summary>
    private async IAsyncEnumerable<ReplayResult> DrainAsync(string queue, Func<PoisonMessage, CancellationToken, Task<ReplayResult>> replay, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var poison = storage.UndecodedQueue(queue);
        if (!await poison.ExistsAsync(cancellationToken).ConfigureAwait(false))
            yield break;
        var reader = new PoisonQueues(storage);
        var sent = new HashSet<string>(StringComparer.Ordinal);
        var leftInPlace = new List<PoisonMessage>();

        try
        {
            while (true)
            {
                bool progressed = false;
                foreach (var message in await reader.ReceiveAsync(queue, Lock, cancellationToken).ConfigureAwait(false))
                {
                    string body = Convert.ToHexString(SHA256.HashData(message.RawBody.ToMemory().Span));
                    if (sent.Contains(body))
                    {
                        await poison.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken).ConfigureAwait(false);
                        continue;
                    }
                    var result = message.Unreplayable is { } reason
                        ? new ReplayResult(queue, message.MessageId, ReplayOutcome.Unreplayable, reason)
                        : await replay(message, cancellationToken).ConfigureAwait(false);
                    if (result.Outcome is ReplayOutcome.Skipped or ReplayOutcome.Unreplayable)
                    {
                        leftInPlace.Add(message);
                    }
                    else
                    {
                        await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
                        sent.Add(body);
                        progressed = true;
                        if (result.Outcome == ReplayOutcome.Replayed)
                            PipelineTelemetry.ItemsReplayed.Add(1, new KeyValuePair<string, object?>("source", queue));
                    }
                    yield return result;
                }
                if (!progressed)
                    yield break;
            }
        }
        finally
        {
            foreach (var message in leftInPlace)
            {
                try
                {
                    await poison.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None).ConfigureAwait(false);
                }
                catch (RequestFailedException e) when (e.Status == 404)
                {
                    // Its lock ran out and another reader took it: it is theirs now.
                }
            }
        }
    }

    private async Task<ReplayResult> ResendEnrichedAsync(PoisonMessage message, CancellationToken cancellationToken)
    {
        await storage.Queue(PipelineNames.EnrichedQueue).SendMessageAsync(message.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new ReplayResult(PipelineNames.EnrichedPoisonQueue, message.ArticleId!, ReplayOutcome.Replayed);
    }

    private async Task<ReplayResult> ResendDeletedAsync(PoisonMessage message, CancellationToken cancellationToken)
    {
        await storage.Queue(PipelineNames.DeletedQueue).SendMessageAsync(message.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new ReplayResult(PipelineNames.DeletedPoisonQueue, message.ArticleId!, ReplayOutcome.Replayed);
    }

    private Task<ReplayResult> RetriggerBlobAsync(PoisonMessage message, CancellationToken cancellationToken) =>
        RewriteArticleAsync(PipelineNames.BlobPoisonQueue, message.Blob!.ContainerName, message.Blob.BlobName, message.Blob.ETag, message.MessageId, cancellationToken);

    /// <summary>
    /// Every blob Event Grid dead-lettered: a creation re-triggers its article blob, as a failed blob trigger does; a
    /// deletion goes to <c>articles-deleted</c> as the event it was (retracting is idempotent). A dead-letter blob is
    /// deleted once each of its events was replayed or found obsolete; one holding an event the pipeline cannot use stays,
    /// and a re-run sends again only its deletions (harmless) while its rewritten blobs answer "already replayed".
    /// </summary>
    public async IAsyncEnumerable<ReplayResult> ReplayDeadLetterAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var container = storage.Container(PipelineNames.DeadLetterContainer);
        if (!await container.ExistsAsync(cancellationToken).ConfigureAwait(false))
            yield break;
        var blobs = new List<BlobItem>();
        await foreach (var item in container.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            blobs.Add(item);

        foreach (var item in blobs)
        {
            var blob = container.GetBlobClient(item.Name);
            IReadOnlyList<DeadLetteredEvent> events;
            try
            {
                var download = await blob.DownloadStreamingAsync(new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfMatch = item.Properties.ETag } }, cancellationToken).ConfigureAwait(false);
                await using var content = download.Value.Content;
                events = await DeadLetteredEvents.ReadAsync(content, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                continue; // Another replay took it meanwhile.
            }

            bool keep = false;
            foreach (var deadLettered in events)
            {
                var result = await ReplayDeadLetteredAsync(item.Name, deadLettered, cancellationToken).ConfigureAwait(false);
                keep |= result.Outcome is ReplayOutcome.Skipped or ReplayOutcome.Unreplayable;
                if (result.Outcome == ReplayOutcome.Replayed)
                    PipelineTelemetry.ItemsReplayed.Add(1, new KeyValuePair<string, object?>("source", PipelineNames.DeadLetterContainer));
                yield return result;
            }
            if (!keep)
                await DeleteIfUnchangedAsync(blob, item.Properties.ETag, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<ReplayResult> ReplayDeadLetteredAsync(string deadLetterBlob, DeadLetteredEvent deadLettered, CancellationToken cancellationToken)
    {
        const string source = PipelineNames.DeadLetterContainer;
        string item = deadLettered.BlobName ?? deadLetterBlob;
        if (deadLettered.Unreplayable is { } reason)
            return new ReplayResult(source, item, ReplayOutcome.Unreplayable, $"{reason} (in {deadLetterBlob})");
        if (deadLettered.Container != PipelineNames.ArticlesContainer)
            return new ReplayResult(source, item, ReplayOutcome.Unreplayable, $"a blob of container {deadLettered.Container}, not an article (in {deadLetterBlob})");
        if (deadLettered.Deleted is { } deletion)
        {
            await storage.Queue(PipelineNames.DeletedQueue).SendMessageAsync(deletion, cancellationToken: cancellationToken).ConfigureAwait(false);
            return new ReplayResult(source, item, ReplayOutcome.Replayed, $"deletion, {deadLettered.Reason}");
        }
        return await RewriteArticleAsync(source, deadLettered.Container, deadLettered.BlobName!, deadLettered.Created!.Value, deadLettered.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Rewrites the blob with its own content (If-Match the version that failed): a new ETag is a new blob event in Azure and
    /// a new receipt for the WebJobs polling trigger, and needs no knowledge of the host's internal trigger queue.
    /// <paramref name="marker"/> names what failed, so a re-run after an interrupted replay rewrites nothing twice.
    /// </summary>
    private async Task<ReplayResult> RewriteArticleAsync(string source, string container, string name, ETag failed, string marker, CancellationToken cancellationToken)
    {
        var blob = storage.Container(container).GetBlobClient(name);
        var current = await PropertiesAsync(blob, cancellationToken).ConfigureAwait(false);
        if (current is null)
            return new ReplayResult(source, name, ReplayOutcome.Obsolete, "the blob was deleted");
        if (current.Metadata.TryGetValue(ReplayMarker, out var replayOf) && replayOf == marker)
            return new ReplayResult(source, name, ReplayOutcome.AlreadyReplayed);
        if (current.ETag != failed)
            return new ReplayResult(source, name, ReplayOutcome.Obsolete, "the blob has changed since; its new version was processed on its own");

        try
        {
            var download = await blob.DownloadStreamingAsync(new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfMatch = failed } }, cancellationToken).ConfigureAwait(false);
            await using var content = download.Value.Content;
            await blob.UploadAsync(content, new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfMatch = failed },
                Metadata = new Dictionary<string, string>(current.Metadata) { [ReplayMarker] = marker },
                HttpHeaders = new BlobHttpHeaders { ContentType = current.ContentType, ContentEncoding = current.ContentEncoding, ContentLanguage = current.ContentLanguage },
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return new ReplayResult(source, name, ReplayOutcome.Obsolete, "the blob changed during the replay; its new version is processed on its own");
        }
        return new ReplayResult(source, name, ReplayOutcome.Replayed);
    }

    private static async Task<BlobProperties?> PropertiesAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            return (await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Deletes unless someone rewrote it since (412) or it is already gone (404): both mean there is nothing of ours left to remove.</summary>
    private static async Task DeleteIfUnchangedAsync(BlobClient blob, ETag? etag, CancellationToken cancellationToken)
    {
        try
        {
            await blob.DeleteAsync(conditions: etag is { } match ? new BlobRequestConditions { IfMatch = match } : null, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412) { }
    }
}
