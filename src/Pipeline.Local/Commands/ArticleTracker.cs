using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Pipeline.Core.Enrichment;
using Pipeline.Core.Storage;
using Pipeline.Core.Summary;

namespace Pipeline.Local.Commands;

public enum ArticleState { InFlight, Summarised, Quarantined, Poisoned }

public sealed record UploadedArticle(string Name, string ArticleId, ETag ETag, DateTimeOffset LastModified);

public sealed record TrackedArticle(UploadedArticle Article, ArticleState State, string? Detail);

/// <summary>
/// Uploads article files and follows each one to the end of the pipeline: summarised (its head record is applied at
/// this upload's revision or a later one), quarantined (an error record for this upload's ETag), or poisoned.
/// </summary>
public sealed class ArticleTracker(PipelineStorage storage)
{
    public async Task<UploadedArticle> UploadAsync(string name, Stream content, CancellationToken cancellationToken)
    {
        var blob = storage.Container(PipelineNames.ArticlesContainer).GetBlobClient(name);
        var response = await blob.UploadAsync(content, overwrite: true, cancellationToken).ConfigureAwait(false);
        return new UploadedArticle(name, ArticleIdentity.ArticleId(PipelineNames.ArticlesContainer, name), response.Value.ETag, response.Value.LastModified);
    }

    /// <summary>Every upload's state now, read in three bulk queries (heads, quarantine records, poison queues).</summary>
    public async Task<IReadOnlyList<TrackedArticle>> CheckAsync(IReadOnlyCollection<UploadedArticle> uploads, CancellationToken cancellationToken)
    {
        var heads = new Dictionary<string, ArticleHead>(StringComparer.Ordinal);
        await foreach (var head in new ArticleRecordStore(storage).GetAllHeadsAsync(cancellationToken).ConfigureAwait(false))
            heads[head.RowKey] = head;

        var quarantined = await QuarantineRecordsAsync(cancellationToken).ConfigureAwait(false);
        var poisoned = await PoisonedAsync(cancellationToken).ConfigureAwait(false);

        return uploads.Select(upload =>
        {
            if (heads.TryGetValue(upload.ArticleId, out var head) && head.IsSummarised && head.CurrentModified >= upload.LastModified)
                return new TrackedArticle(upload, ArticleState.Summarised, null);
            if (quarantined.TryGetValue(upload.Name, out var record) && record.ETag == upload.ETag.ToString())
                return new TrackedArticle(upload, ArticleState.Quarantined, record.Reason);
            if (poisoned.Contains(upload.Name) || poisoned.Contains(upload.ArticleId))
                return new TrackedArticle(upload, ArticleState.Poisoned, null);
            return new TrackedArticle(upload, ArticleState.InFlight, null);
        }).ToList();
    }

    private async Task<Dictionary<string, QuarantineRecord>> QuarantineRecordsAsync(CancellationToken cancellationToken)
    {
        var container = storage.Container(PipelineNames.QuarantineContainer);
        var records = new Dictionary<string, QuarantineRecord>(StringComparer.Ordinal);
        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions(), cancellationToken).ConfigureAwait(false))
        {
            if (!item.Name.EndsWith(".error.json", StringComparison.Ordinal)) continue;
            var content = await container.GetBlobClient(item.Name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            var record = content.Value.Content.ToObjectFromJson(PipelineJson.Default.QuarantineRecord);
            if (record is not null) records[record.Name] = record;
        }
        return records;
    }

    /// <summary>Blob names from the blob trigger's poison queue, article ids from the summary's.</summary>
    private async Task<HashSet<string>> PoisonedAsync(CancellationToken cancellationToken)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (string queue in new[] { PipelineNames.BlobPoisonQueue, PipelineNames.EnrichedPoisonQueue })
        {
            var client = storage.Queue(queue);
            if (!await client.ExistsAsync(cancellationToken).ConfigureAwait(false)) continue;
            foreach (var message in (await client.PeekMessagesAsync(32, cancellationToken).ConfigureAwait(false)).Value)
            {
                try
                {
                    using var document = JsonDocument.Parse(message.Body);
                    if (document.RootElement.TryGetProperty("BlobName", out var blobName)) keys.Add(blobName.GetString()!);
                    if (document.RootElement.TryGetProperty("articleId", out var articleId)) keys.Add(articleId.GetString()!);
                }
                catch (JsonException) { }
            }
        }
        return keys;
    }
}
