using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Queues;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Ingestion;
using Pipeline.Operations;
using Pipeline.Runtime;
using Pipeline.Summary;

namespace Pipeline.Local.Hosting;

/// <summary>
/// The local stand-in for Event Grid's BlobCreated delivery. The WebJobs SDK's polling blob trigger keeps a last-modified
/// watermark, and on Azurite it loses blobs whose upload started before, but finished after, a newer one it already
/// listed. This scanner compares ETags instead, so every new
/// blob version is announced exactly when it becomes visible.
///
/// Announcements go on the <c>webjobs-blobtrigger</c> queue in the host's own blob-trigger message shape, so a failing
/// article ends in <c>webjobs-blobtrigger-poison</c> just as in Azure and the operator tools treat both alike.
/// A blob that disappears is announced on <c>articles-deleted</c> as the <c>Microsoft.Storage.BlobDeleted</c> event
/// Event Grid would deliver there. One instance scans at a time (a blob lease); a new holder first skips every blob the
/// pipeline already finished, and announces the deletion of every recorded article whose blob is gone, a check it repeats
/// every half minute for articles recorded after their blob went.
/// </summary>
internal sealed class ArticleScanner(PipelineStorage storage, ILogger<ArticleScanner> logger) : BackgroundService
{
    public const string AnnouncementQueue = "webjobs-blobtrigger";
    private const string LeaseContainer = "azure-webjobs-hosts";
    private const string LeaseBlob = "pipeline-local/article-scanner.lease";
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Renews the scan lease whenever a third of it has passed, also in the middle of a long pass: a takeover's first pass
    /// over a thousand waiting blobs outlasts the lease, and a holder that loses it mid-pass hands a fresh scanner a gap
    /// in which deletions go unseen.
    /// </summary>
    private sealed class LeaseKeeper(BlobLeaseClient lease, TimeSpan renewEvery)
    {
        private readonly Stopwatch _sinceRenewal = Stopwatch.StartNew();

        public async Task RenewIfDueAsync(CancellationToken cancellationToken)
        {
            if (_sinceRenewal.Elapsed < renewEvery)
                return;
            await lease.RenewAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            _sinceRenewal.Restart();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ScanWhileHoldingLeaseAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status == 0)
            {
                logger.StorageUnreachable("article scanner", e.Message);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Storage restarting, a lost lease: start over; the next holder's first pass catches up.
                logger.ScannerPaused(e);
            }
            await Task.Delay(LeaseDuration / 3, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        }
    }

    private async Task ScanWhileHoldingLeaseAsync(CancellationToken stoppingToken)
    {
        var leaseContainer = storage.Container(LeaseContainer);
        await leaseContainer.CreateIfNotExistsAsync(cancellationToken: stoppingToken).ConfigureAwait(false);
        var leaseBlob = leaseContainer.GetBlobClient(LeaseBlob);
        if (!await leaseBlob.ExistsAsync(stoppingToken).ConfigureAwait(false))
        {
            try { await leaseBlob.UploadAsync(BinaryData.Empty, overwrite: false, stoppingToken).ConfigureAwait(false); }
            catch (RequestFailedException e) when (e.Status is 409 or 412) { }
        }
        var lease = leaseBlob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(LeaseDuration, cancellationToken: stoppingToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return; // Another instance scans.
        }

        try
        {
            var queue = storage.Queue(AnnouncementQueue);
            await queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken).ConfigureAwait(false);
            var keeper = new LeaseKeeper(lease, LeaseDuration / 3);
            var announced = await FinishedAsync(stoppingToken).ConfigureAwait(false);
            var deletionsAnnounced = new HashSet<string>(StringComparer.Ordinal);
            await AnnounceRecordedButGoneAsync(deletionsAnnounced, keeper, stoppingToken).ConfigureAwait(false);
            var lastSweep = Stopwatch.StartNew();
            while (!stoppingToken.IsCancellationRequested)
            {
                await AnnounceNewAsync(queue, announced, deletionsAnnounced, keeper, stoppingToken).ConfigureAwait(false);
                if (lastSweep.Elapsed > SweepInterval)
                {
                    await AnnounceRecordedButGoneAsync(deletionsAnnounced, keeper, stoppingToken).ConfigureAwait(false);
                    lastSweep.Restart();
                }
                await keeper.RenewIfDueAsync(stoppingToken).ConfigureAwait(false);
                await Task.Delay(Interval, stoppingToken).ConfigureAwait(false);
            }
        }
        finally
        {
            try { await lease.ReleaseAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false); }
            catch (RequestFailedException) { }
        }
    }

    /// <summary>Announces every blob version not announced yet, and every announced blob now gone, in one listing.</summary>
    private async Task AnnounceNewAsync(QueueClient queue, Dictionary<string, ETag> announced, HashSet<string> deletionsAnnounced, LeaseKeeper keeper, CancellationToken cancellationToken)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var blob in storage.Container(PipelineNames.ArticlesContainer).GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            present.Add(blob.Name);
            deletionsAnnounced.Remove(blob.Name); // Back again: a later deletion is news.
            if (announced.TryGetValue(blob.Name, out var etag) && etag == blob.Properties.ETag)
                continue;
            await queue.SendMessageAsync(Announcement(blob.Name, blob.Properties.ETag!.Value), cancellationToken: cancellationToken).ConfigureAwait(false);
            announced[blob.Name] = blob.Properties.ETag!.Value;
            await keeper.RenewIfDueAsync(cancellationToken).ConfigureAwait(false);
        }
        foreach (string gone in announced.Keys.Where(name => !present.Contains(name)).ToList())
        {
            await AnnounceDeletedAsync(gone, deletionsAnnounced, cancellationToken).ConfigureAwait(false);
            announced.Remove(gone);
        }
    }

    /// <summary>
    /// Articles the summary still holds whose blob is gone, unless this scanner announced that deletion already: on taking
    /// over, those deleted while no scanner watched (the pipeline was stopped, or the lease changed hands), and then every
    /// <see cref="SweepInterval"/>, those recorded only after their blob had gone (an ingestion that read the blob just
    /// before the delete). The retraction handler checks the blob is still gone, so a re-upload racing this is safe.
    /// </summary>
    private async Task AnnounceRecordedButGoneAsync(HashSet<string> deletionsAnnounced, LeaseKeeper keeper, CancellationToken cancellationToken)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var blob in storage.Container(PipelineNames.ArticlesContainer).GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            present.Add(blob.Name);
        await foreach (var head in new ArticleRecordStore(storage).GetAllHeadsAsync(cancellationToken).ConfigureAwait(false))
        {
            // Only heads an upload of SourceName would have written: anything else did not come from this container.
            if (!head.IsRetracted && !present.Contains(head.SourceName) && !deletionsAnnounced.Contains(head.SourceName) &&
                head.RowKey == ArticleIdentity.ArticleId(PipelineNames.ArticlesContainer, head.SourceName))
            {
                await AnnounceDeletedAsync(head.SourceName, deletionsAnnounced, cancellationToken).ConfigureAwait(false);
                await keeper.RenewIfDueAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The event Event Grid writes to <c>articles-deleted</c> in Azure, so the same handler runs on it.</summary>
    private async Task AnnounceDeletedAsync(string name, HashSet<string> deletionsAnnounced, CancellationToken cancellationToken)
    {
        deletionsAnnounced.Add(name);
        var blob = storage.Container(PipelineNames.ArticlesContainer).GetBlobClient(name);
        var deleted = BlobDeletedEvents.Create(blob.Uri, "pipeline-local/" + storage.Blobs.AccountName);
        await storage.Queue(PipelineNames.DeletedQueue).SendMessageAsync(deleted, cancellationToken: cancellationToken).ConfigureAwait(false);
        logger.DeletionAnnounced(name);
    }

    /// <summary>
    /// Blob versions the pipeline already finished with: enriched at this version or later, quarantined at this version,
    /// or sitting in a poison queue at this version for an operator to replay. Everything else is announced (again): the handlers are idempotent.
    /// </summary>
    private async Task<Dictionary<string, ETag>> FinishedAsync(CancellationToken cancellationToken)
    {
        var enriched = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var item in storage.Container(PipelineNames.EnrichedContainer).GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }, cancellationToken).ConfigureAwait(false))
        {
            if (item.Metadata.TryGetValue(PipelineNames.SourceModifiedMetadata, out var ticks))
                enriched[Path.GetFileNameWithoutExtension(item.Name)] = long.Parse(ticks, CultureInfo.InvariantCulture);
        }
        var inspector = new PipelineInspector(storage);
        var quarantined = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var entry in inspector.ListQuarantineAsync(cancellationToken).ConfigureAwait(false))
            quarantined[entry.Name] = entry.SourceETag;
        // A version, not a name: a blob rewritten after its trigger gave up is a new version the pipeline has not seen.
        var poisoned = (await inspector.PeekPoisonAsync(cancellationToken).ConfigureAwait(false))
            .Where(m => m.Blob is not null).Select(m => (m.Blob!.BlobName, m.Blob.ETag)).ToHashSet();

        var finished = new Dictionary<string, ETag>(StringComparer.Ordinal);
        await foreach (var blob in storage.Container(PipelineNames.ArticlesContainer).GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var etag = blob.Properties.ETag!.Value;
            var version = PipelineMessages.HeaderETag(etag);
            string articleId = ArticleIdentity.ArticleId(PipelineNames.ArticlesContainer, blob.Name);
            bool done = (enriched.TryGetValue(articleId, out long modified) && modified >= blob.Properties.LastModified!.Value.UtcTicks)
                        || (quarantined.TryGetValue(blob.Name, out var quarantinedETag) && quarantinedETag == version.ToString())
                        || poisoned.Contains((blob.Name, version));
            if (done) finished[blob.Name] = etag;
        }
        logger.ScannerTookOver(finished.Count);
        return finished;
    }

    private static BinaryData Announcement(string name, ETag etag) => BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(new BlobAnnouncement
    {
        ContainerName = PipelineNames.ArticlesContainer,
        BlobName = name,
        ETag = PipelineMessages.HeaderETag(etag).ToString(),
    }, LocalJson.Default.BlobAnnouncement));
}

/// <summary>The WebJobs blob trigger's own message shape (its poison messages look the same).</summary>
public sealed record BlobAnnouncement
{
    public string Type { get; init; } = "BlobTrigger";
    public string FunctionId { get; init; } = "Pipeline.Local.IngestArticle";
    public string BlobType { get; init; } = "BlockBlob";
    public required string ContainerName { get; init; }
    public required string BlobName { get; init; }
    public required string ETag { get; init; }
}

[JsonSerializable(typeof(BlobAnnouncement))]
internal sealed partial class LocalJson : JsonSerializerContext;
