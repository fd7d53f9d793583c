using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs.Models;
using Pipeline.Runtime;
using Pipeline.Summary;

namespace Pipeline.Operations;

/// <summary>One quarantined article: its name in <c>articles/</c> and <c>quarantine/</c>, why, which version, and its record blob's ETag.</summary>
public sealed record QuarantineEntry(string Name, string Reason, string SourceETag, ETag RecordETag);

/// <summary>What went wrong or is still waiting: quarantined articles by reason and the depth of every queue, poison queues included.</summary>
public sealed record PipelineStatus(int Quarantined, IReadOnlyDictionary<string, int> QuarantinedByReason, long Poisoned, IReadOnlyDictionary<string, long> QueueDepths);

/// <summary>
/// Articles by their head records: received (one head per article), counted in the summary at their current revision,
/// waiting for a fold (a retraction included), and retracted (their blob was deleted and not uploaded again).
/// </summary>
public sealed record ArticleCounts(int Received, int Summarised, int Pending, int Retracted);

/// <summary>Read-only views over the pipeline's storage for the status API, the operator commands and the article tracker.</summary>
public sealed class PipelineInspector(PipelineStorage storage)
{
    private static readonly IReadOnlyList<string> MonitoredQueues =
        [PipelineNames.EnrichedQueue, PipelineNames.EnrichedPoisonQueue, PipelineNames.BlobPoisonQueue, PipelineNames.DeletedQueue, PipelineNames.DeletedPoisonQueue];

    /// <summary>Every quarantine record, from one listing: the reason and source ETag travel as the record blob's metadata.</summary>
    public async IAsyncEnumerable<QuarantineEntry> ListQuarantineAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var container = storage.Container(PipelineNames.QuarantineContainer);
        if (!await container.ExistsAsync(cancellationToken).ConfigureAwait(false))
            yield break; // No host has run against this account yet.
        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }, cancellationToken).ConfigureAwait(false))
        {
            if (!item.Name.EndsWith(QuarantineRecord.Suffix, StringComparison.Ordinal))
                continue;
            string name = item.Name[..^QuarantineRecord.Suffix.Length];
            if (item.Metadata.TryGetValue(QuarantineRecord.ReasonMetadata, out var reason) && item.Metadata.TryGetValue(QuarantineRecord.SourceETagMetadata, out var sourceETag))
                yield return new QuarantineEntry(name, reason, sourceETag, item.Properties.ETag!.Value);
        }
    }

    /// <summary>
    /// What the poison queues name: blob names from the blob trigger's poison queue, article ids from the summary's.
    /// A peek sees at most 32 messages per queue, enough to follow a batch of uploads; <see cref="GetStatusAsync"/> has the counts.
    /// Messages the pipeline cannot read name nothing and are left out.
    /// </summary>
    public async Task<IReadOnlySet<string>> PeekPoisonedAsync(CancellationToken cancellationToken)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var message in await PeekPoisonAsync(cancellationToken).ConfigureAwait(false))
        {
            if (message.Key is { } key) keys.Add(key);
        }
        return keys;
    }

    /// <summary>The visible messages of both poison queues (at most 32 of each), each read or with the reason it cannot be.</summary>
    public async Task<IReadOnlyList<PoisonMessage>> PeekPoisonAsync(CancellationToken cancellationToken)
    {
        var poison = new PoisonQueues(storage);
        var messages = new List<PoisonMessage>();
        foreach (string queue in PoisonQueues.Names)
            messages.AddRange(await poison.PeekAsync(queue, cancellationToken).ConfigureAwait(false));
        return messages;
    }

    public async Task<PipelineStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var depths = QueueDepthsAsync(cancellationToken);
        var byReason = new SortedDictionary<string, int>(StringComparer.Ordinal);
        await foreach (var entry in ListQuarantineAsync(cancellationToken).ConfigureAwait(false))
            byReason[entry.Reason] = byReason.GetValueOrDefault(entry.Reason) + 1;

        var queueDepths = await depths.ConfigureAwait(false);
        return new PipelineStatus(byReason.Values.Sum(), byReason, PoisonQueues.Names.Sum(queue => queueDepths[queue]), queueDepths);
    }

    /// <summary>
    /// Records every queue's depth on the <c>pipeline.queue.depth</c> gauge, tagged with the queue: the metric the poison
    /// alerts watch, since Storage reports only the account's total message count.
    /// </summary>
    public async Task PublishQueueDepthsAsync(CancellationToken cancellationToken)
    {
        foreach (var (queue, depth) in await QueueDepthsAsync(cancellationToken).ConfigureAwait(false))
            PipelineTelemetry.QueueDepth.Record(depth, new KeyValuePair<string, object?>("queue", queue));
    }

    private async Task<IReadOnlyDictionary<string, long>> QueueDepthsAsync(CancellationToken cancellationToken)
    {
        var depths = MonitoredQueues.Select(queue => QueueDepthAsync(queue, cancellationToken)).ToList();
        var queueDepths = new Dictionary<string, long>(StringComparer.Ordinal);
        for (int i = 0; i < MonitoredQueues.Count; i++)
            queueDepths[MonitoredQueues[i]] = await depths[i].ConfigureAwait(false);
        return queueDepths;
    }

    /// <summary>Reads every head record: right for an operator's question, too heavy for a dashboard that polls.</summary>
    public async Task<ArticleCounts> CountArticlesAsync(CancellationToken cancellationToken)
    {
        int received = 0, summarised = 0, pending = 0, retracted = 0;
        try
        {
            await foreach (var head in new ArticleRecordStore(storage).GetAllHeadsAsync(cancellationToken).ConfigureAwait(false))
            {
                received++;
                if (head.IsSummarised && !head.IsRetracted) summarised++;
                if (head.Pending) pending++;
                if (head.IsRetracted) retracted++;
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No host has run against this account yet: nothing received.
        }
        return new ArticleCounts(received, summarised, pending, retracted);
    }

    private async Task<long> QueueDepthAsync(string queue, CancellationToken cancellationToken)
    {
        try
        {
            return (await storage.Queue(queue).GetPropertiesAsync(cancellationToken).ConfigureAwait(false)).Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return 0; // The host creates the poison queue with the first poisoned message.
        }
    }
}
