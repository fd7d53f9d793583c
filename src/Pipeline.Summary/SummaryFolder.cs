using System.Diagnostics;
using Azure;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Runtime;

namespace Pipeline.Summary;

/// <summary>
/// Folds pending article revisions into the summary. One instance folds at a time (a blob lease decides who);
/// the state write is conditional (If-Match), so even a folder whose lease lapsed cannot overwrite newer totals.
///
/// An article revision is counted by the state write that lists it in <see cref="SummaryState.LastBatch"/>.
/// Before that write nothing has changed and the revision stays pending; after it, the head rows are marked applied.
/// If a folder dies between the two, the next one finds the revision still pending but already in LastBatch, and treats
/// it as applied instead of adding it again.
/// </summary>
public sealed class SummaryFolder(
    ArticleRecordStore records,
    SummaryStore store,
    SummaryAggregator aggregator,
    IOptions<SummaryOptions> options,
    TimeProvider clock,
    ILogger<SummaryFolder> logger)
{
    private readonly SummaryOptions _options = options.Value;

    /// <summary>The state version whose LastBatch this folder itself marked applied; any other needs checking.</summary>
    private long _markedVersion = -1;

    /// <summary>1 while this process folds; 1 in <see cref="_requested"/> when a caller recorded something since the last check.</summary>
    private int _folding, _requested;

    /// <summary>When this process last started a fold (Stopwatch ticks); only the folding caller touches it.</summary>
    private long _lastFoldStarted;

    /// <summary>
    /// The state this folder last wrote, with the ETag storage gave it; only the folding caller touches it. While nobody
    /// else folds, the next fold's conditional read answers 304 and the state is neither downloaded nor parsed again.
    /// </summary>
    private (SummaryState State, ETag ETag)? _written;

    /// <summary>
    /// Folds everything pending unless another instance is already folding. Releasing the lease and then checking for
    /// pending work again closes the gap where a record lands just after the holder's last query:
    /// whoever recorded it either sees the lease free, or the holder sees the record.
    /// Within one process, callers that arrive while a fold runs only leave a request, which the running fold honours
    /// before it stops; that saves a lease call per message under load.
    /// </summary>
    public async Task<int> FoldPendingAsync(CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _requested, 1);
        int folded = 0;
        do
        {
            if (Interlocked.CompareExchange(ref _folding, 1, 0) != 0)
                return folded;
            try
            {
                while (Volatile.Read(ref _requested) == 1 || await records.AnyPendingAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (!await WaitForFoldIntervalAsync(cancellationToken).ConfigureAwait(false))
                        return folded; // Shutting down: the records stay pending, and the next fold anywhere takes them.
                    Interlocked.Exchange(ref _requested, 0); // what arrived while waiting is in this fold's pending query
                    var lease = await store.TryAcquireFoldLeaseAsync(_options.FoldLeaseDuration, cancellationToken).ConfigureAwait(false);
                    if (lease is null)
                        break; // Another instance folds; its own release-then-check covers these records.
                    try
                    {
                        folded += await FoldWhileHoldingAsync(lease, cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        await lease.ReleaseAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
                    }
                }
            }
            finally
            {
                Volatile.Write(ref _folding, 0);
            }
        }
        while (Volatile.Read(ref _requested) == 1); // a request that came in after the last check
        return folded;
    }

    /// <summary>
    /// Spaces folds by <see cref="SummaryOptions.FoldMinInterval"/>. Records that arrive meanwhile only leave a request,
    /// so a burst of messages becomes a few large folds instead of one small fold per message.
    /// </summary>
    /// <returns>False when cancelled while waiting.</returns>
    private async Task<bool> WaitForFoldIntervalAsync(CancellationToken cancellationToken)
    {
        var wait = _options.FoldMinInterval - Stopwatch.GetElapsedTime(_lastFoldStarted);
        if (_lastFoldStarted != 0 && wait > TimeSpan.Zero)
        {
            try { await Task.Delay(wait, cancellationToken).ConfigureAwait(false); }
            catch (OperationCanceledException) { return false; }
        }
        _lastFoldStarted = Stopwatch.GetTimestamp();
        return true;
    }

    private async Task<int> FoldWhileHoldingAsync(BlobLeaseClient lease, CancellationToken cancellationToken)
    {
        int total = 0;
        while (true)
        {
            int folded = await FoldBatchAsync(cancellationToken).ConfigureAwait(false);
            if (folded < 0) continue; // Lost an If-Match race: read again.
            total += folded;
            if (folded < _options.FoldBatchSize)
                return total;
            await lease.RenewAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <returns>Revisions folded, or -1 when the state changed under us.</returns>
    internal async Task<int> FoldBatchAsync(CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        var (state, etag) = await ReadStateAsync(cancellationToken).ConfigureAwait(false);
        var pending = (await records.GetPendingAsync(_options.FoldBatchSize, cancellationToken).ConfigureAwait(false)).ToList();
        if (Interlocked.Read(ref _markedVersion) != state.Version)
            pending.AddRange(await UnmarkedFromLastBatchAsync(state, pending, cancellationToken).ConfigureAwait(false));
        if (pending.Count == 0)
            return 0;

        var alreadyCounted = state.LastBatch.ToDictionary(r => r.ArticleId, r => r.ContentHash, StringComparer.Ordinal);
        var work = pending.Select(head => (Head: head, Applied: alreadyCounted.GetValueOrDefault(head.RowKey) ?? head.AppliedHash)).ToList();

        var contributions = new (ArticleContribution? Previous, ArticleContribution? Current)[work.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, work.Count), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var (head, applied) = work[i];
            var current = head.IsRetracted ? null : await records.GetCurrentContributionAsync(head, ct).ConfigureAwait(false);
            var previous = ArticleRecordStore.IsRevision(applied) && applied != head.CurrentHash ? await records.GetContributionAsync(head.RowKey, applied, ct).ConfigureAwait(false) : null;
            contributions[i] = (previous, current);
        }).ConfigureAwait(false);

        var marks = new string[work.Count];
        for (int i = 0; i < work.Count; i++)
        {
            var (head, applied) = work[i];
            marks[i] = applied;
            if (ArticleRecordStore.IsSettled(head.CurrentHash, applied))
                continue; // Counted by a write whose folder died before marking it: only the mark is missing.
            var (previous, current) = contributions[i];
            if (previous is not null) aggregator.Remove(state, previous);
            else if (applied == ArticleRecordStore.RetractedHash) state.RetractedCount--; // back after a retraction
            if (current is not null)
            {
                aggregator.Add(state, current);
                marks[i] = head.CurrentHash;
            }
            else
            {
                // A retraction takes out what was counted; one of an article never counted changes no total.
                if (previous is not null) state.RetractedCount++;
                marks[i] = previous is not null ? ArticleRecordStore.RetractedHash : ArticleRecordStore.RetractedUncountedHash;
            }
        }

        var now = clock.GetUtcNow();
        aggregator.Trim(state, now);
        state.Version++;
        state.UpdatedAt = now;
        state.LastBatch = work.Select((w, i) => new AppliedRevision(w.Head.RowKey, marks[i])).ToList();

        if (await store.TryReplaceStateAsync(state, etag, cancellationToken).ConfigureAwait(false) is not { } written)
        {
            logger.FoldRaced(work.Count);
            return -1;
        }
        _written = (state, written);

        // Render before marking, so an article whose head says "summarised" is already in what dashboards read.
        await store.WriteLatestAsync(aggregator.Render(state, now), cancellationToken).ConfigureAwait(false);
        await records.MarkAppliedAsync(work.Select((w, i) => (w.Head, marks[i])), cancellationToken).ConfigureAwait(false);
        Interlocked.Exchange(ref _markedVersion, state.Version);
        PipelineTelemetry.StageDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("stage", "fold"));
        logger.Folded(work.Count, state.Version, state.ArticleCount);
        return work.Count;
    }

    /// <summary>
    /// The stored state: the one this folder wrote last when storage says it is unchanged, else read afresh. The state is
    /// changed in place by the fold, so it is taken out of <see cref="_written"/> until a write of it succeeds.
    /// </summary>
    private async Task<(SummaryState State, ETag? ETag)> ReadStateAsync(CancellationToken cancellationToken)
    {
        var written = _written;
        _written = null;
        var (changed, state, etag) = await store.ReadStateIfChangedAsync(written?.ETag, cancellationToken).ConfigureAwait(false);
        return !changed && written is { } known ? (known.State, known.ETag) : (state ?? new SummaryState(), etag);
    }

    /// <summary>
    /// The previous writer may have died before marking its batch; those heads must be settled in this batch even when
    /// the pending page does not reach them, because the next state write replaces LastBatch.
    /// </summary>
    private async Task<IReadOnlyList<ArticleHead>> UnmarkedFromLastBatchAsync(SummaryState state, List<ArticleHead> page, CancellationToken cancellationToken)
    {
        var inPage = page.Select(h => h.RowKey).ToHashSet(StringComparer.Ordinal);
        var heads = await Task.WhenAll(state.LastBatch.Where(r => !inPage.Contains(r.ArticleId))
            .Select(r => records.GetHeadAsync(r.ArticleId, cancellationToken))).ConfigureAwait(false);
        return heads.Where(h => h is { Pending: true }).Select(h => h!).ToList();
    }
}
