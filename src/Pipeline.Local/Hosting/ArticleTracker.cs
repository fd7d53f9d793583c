using Azure;
using Pipeline.Ingestion.Enrichment;
using Pipeline.Operations;
using Pipeline.Runtime;
using Pipeline.Summary;

namespace Pipeline.Local.Hosting;

public enum ArticleState { InFlight, Summarised, Quarantined, Poisoned, Retracted }

public sealed record UploadedArticle(string Name, string ArticleId, ETag ETag, DateTimeOffset LastModified);

/// <param name="SettledAt">When storage recorded the article as summarised (the head's Timestamp); null otherwise.</param>
/// <param name="Head">
/// Its head record as the check read it (without the contribution); null while the pipeline has recorded nothing of it.
/// Whether a retraction took a counted article out of the summary, or an article was deleted before anything of it was
/// recorded, shows only here.
/// </param>
public sealed record TrackedArticle(UploadedArticle Article, ArticleState State, string? Detail, DateTimeOffset? SettledAt = null, ArticleHead? Head = null);

/// <summary>
/// Uploads article files and follows each one to the end of the pipeline: summarised (its head record is applied at
/// this upload's blob version or a later one), quarantined (an error record for this upload's ETag), poisoned, or
/// retracted (its blob is gone and the summary has taken it out).
/// </summary>
public sealed class ArticleTracker(PipelineStorage storage)
{
    public async Task<UploadedArticle> UploadAsync(string name, Stream content, CancellationToken cancellationToken)
    {
        var blob = storage.Container(PipelineNames.ArticlesContainer).GetBlobClient(name);
        var response = await blob.UploadAsync(content, overwrite: true, cancellationToken).ConfigureAwait(false);
        return new UploadedArticle(name, ArticleIdentity.ArticleId(PipelineNames.ArticlesContainer, name), response.Value.ETag, response.Value.LastModified);
    }

    /// <summary>Every upload's state now, read in three bulk queries (heads, the quarantine listing, poison queues).</summary>
    public async Task<IReadOnlyList<TrackedArticle>> CheckAsync(IReadOnlyCollection<UploadedArticle> uploads, CancellationToken cancellationToken)
    {
        var heads = new Dictionary<string, ArticleHead>(StringComparer.Ordinal);
        await foreach (var head in new ArticleRecordStore(storage).GetAllHeadsAsync(cancellationToken).ConfigureAwait(false))
            heads[head.RowKey] = head;

        // Times cannot tell a delete from a re-upload within the same second (storage times blobs to the second), so
        // whether a retracted article's blob is back is read from storage, and only when some article is retracted.
        HashSet<string>? present = null;
        if (uploads.Any(u => heads.TryGetValue(u.ArticleId, out var h) && h.IsRetracted))
        {
            present = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var blob in storage.Container(PipelineNames.ArticlesContainer).GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
                present.Add(blob.Name);
        }

        var inspector = new PipelineInspector(storage);
        var quarantined = new Dictionary<string, QuarantineEntry>(StringComparer.Ordinal);
        await foreach (var entry in inspector.ListQuarantineAsync(cancellationToken).ConfigureAwait(false))
            quarantined[entry.Name] = entry;
        var poisoned = await inspector.PeekPoisonedAsync(cancellationToken).ConfigureAwait(false);

        return uploads.Select(upload =>
        {
            // Retracted while its blob is gone; a retracted head with the blob back is a re-upload still in flight.
            if (heads.TryGetValue(upload.ArticleId, out var head) && head.IsSummarised && head.IsRetracted && !present!.Contains(upload.Name))
                return new TrackedArticle(upload, ArticleState.Retracted, null, head.Timestamp, head);
            if (head is { IsSummarised: true, IsRetracted: false } &&
                (head.CurrentETag == upload.ETag.ToString() || head.CurrentModified > upload.LastModified))
                return new TrackedArticle(upload, ArticleState.Summarised, null, head.Timestamp, head);
            if (quarantined.TryGetValue(upload.Name, out var entry) && entry.SourceETag == upload.ETag.ToString())
                return new TrackedArticle(upload, ArticleState.Quarantined, entry.Reason, Head: head);
            if (poisoned.Contains(upload.Name) || poisoned.Contains(upload.ArticleId))
                return new TrackedArticle(upload, ArticleState.Poisoned, null, Head: head);
            return new TrackedArticle(upload, ArticleState.InFlight, null, Head: head);
        }).ToList();
    }

    /// <summary>
    /// Deletes an article's blob, as an editor would; the pipeline notices (Event Grid in Azure, the scanner locally).
    /// </summary>
    /// <returns>The deleted blob's last upload, or null when there is no such blob.</returns>
    public async Task<UploadedArticle?> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        var blob = storage.Container(PipelineNames.ArticlesContainer).GetBlobClient(name);
        try
        {
            var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            await blob.DeleteAsync(conditions: new Azure.Storage.Blobs.Models.BlobRequestConditions { IfMatch = properties.ETag }, cancellationToken: cancellationToken).ConfigureAwait(false);
            return new UploadedArticle(name, ArticleIdentity.ArticleId(PipelineNames.ArticlesContainer, name), properties.ETag, properties.LastModified);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return null; // Gone already, or replaced between the two calls: the caller reports it and decides.
        }
    }

    /// <summary>Checks every <paramref name="interval"/> until every upload has settled or the timeout passes; returns the last check.</summary>
    public Task<IReadOnlyList<TrackedArticle>> WaitUntilSettledAsync(IReadOnlyCollection<UploadedArticle> uploads, TimeSpan timeout, TimeSpan interval, CancellationToken cancellationToken) =>
        WaitUntilAsync(uploads, check => check.All(r => r.State != ArticleState.InFlight), timeout, interval, cancellationToken);

    /// <summary>Checks every <paramref name="interval"/> until <paramref name="done"/> holds for the check or the timeout passes; returns the last check.</summary>
    public async Task<IReadOnlyList<TrackedArticle>> WaitUntilAsync(IReadOnlyCollection<UploadedArticle> uploads, Func<IReadOnlyList<TrackedArticle>, bool> done, TimeSpan timeout, TimeSpan interval, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var results = await CheckAsync(uploads, cancellationToken).ConfigureAwait(false);
            if (done(results) || clock.Elapsed > timeout)
                return results;
            await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
        }
    }
}
