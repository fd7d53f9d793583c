using System.Diagnostics;
using System.Text.Json;
using System.Threading.RateLimiting;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Analysis;
using Pipeline.Runtime;
using Pipeline.Ingestion.Enrichment;
using Pipeline.Ingestion.Parsing;
using Polly;
using Polly.Registry;

namespace Pipeline.Ingestion;

public enum IngestOutcome { Enriched, Quarantined, Superseded, Vanished }

/// <summary>
/// The blob-triggered stage: reads one article blob as a bounded stream, enriches it, keeps the document in
/// <c>enriched/</c> and queues it; input that can never parse goes to <c>quarantine/</c> with a reason and the call completes.
/// Idempotent: running it twice for one blob version writes the same document and queues a message the summary counts once.
/// </summary>
public sealed class IngestArticleHandler(
    PipelineStorage storage,
    ArticleEnricher enricher,
    IOptions<IngestionOptions> options,
    ResiliencePipelineProvider<string> resilience,
    TimeProvider clock,
    ILogger<IngestArticleHandler> logger) : IDisposable
{
    private readonly ResiliencePipeline _retry = resilience.GetPipeline(TransientFaults.StoragePipeline);

    /// <summary>Kilobytes of article being enriched at once (<see cref="IngestionOptions.MaxBytesInFlight"/>); the oldest waiting goes first.</summary>
    private readonly ConcurrencyLimiter _kilobytesInFlight = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = Kilobytes(options.Value.MaxBytesInFlight),
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    private static int Kilobytes(long bytes) => (int)Math.Max(1, (bytes + 1023) / 1024);

    public void Dispose() => _kilobytesInFlight.Dispose();

    public async Task<IngestOutcome> HandleAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        using var activity = PipelineTelemetry.Source.StartActivity("IngestArticle");
        activity?.SetTag("article.blob", blob.Name);
        long started = Stopwatch.GetTimestamp();
        var outcome = await IngestAsync(blob, activity, cancellationToken).ConfigureAwait(false);
        activity?.SetTag("article.outcome", outcome.ToString());
        PipelineTelemetry.StageDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("stage", "ingest"));
        return outcome;
    }

    /// <summary>Each storage step runs under the storage retry on its own; the analysis between them is never repeated by it.</summary>
    private async Task<IngestOutcome> IngestAsync(BlobClient blob, Activity? activity, CancellationToken cancellationToken)
    {
        var read = await _retry.ExecuteAsync(ct => new ValueTask<BlobRead?>(ReadBlobAsync(blob, ct)), cancellationToken).ConfigureAwait(false);
        if (read is null)
        {
            logger.Vanished(blob.Name);
            return IngestOutcome.Vanished;
        }
        if (read.Content is null)
            return await QuarantineAsync(blob, read.Snapshot, new ArticleRejectedException(RejectionReason.TooLarge,
                $"The blob is {read.Length:N0} bytes; the limit is {options.Value.MaxArticleBytes:N0} (Pipeline:Ingestion:MaxArticleBytes)."), cancellationToken).ConfigureAwait(false);

        // The permit, taken before the body was read, is held until the enriched document is stored and announced:
        // serialising a 10 MB article's text takes tens of megabytes more.
        EnrichedArticle article;
        using (read.Permit)
        {
            try
            {
                article = await enricher.EnrichAsync(read.Snapshot, read.Content, cancellationToken).ConfigureAwait(false);
                article = article with { TraceParent = activity?.Id };
                activity?.SetTag("article.id", article.ArticleId);
            }
            catch (ArticleRejectedException rejected)
            {
                return await QuarantineAsync(blob, read.Snapshot, rejected, cancellationToken).ConfigureAwait(false);
            }
            catch (AnalysisRejectedException rejected)
            {
                return await QuarantineAsync(blob, read.Snapshot, new ArticleRejectedException(RejectionReason.AnalysisRejected, rejected.Message) { Detail = rejected.Code }, cancellationToken).ConfigureAwait(false);
            }

            byte[] document = JsonSerializer.SerializeToUtf8Bytes(article, PipelineJson.Default.EnrichedArticle);
            if (!await _retry.ExecuteAsync(ct => new ValueTask<bool>(TrySaveEnrichedAsync(article, document, ct)), cancellationToken).ConfigureAwait(false))
            {
                logger.Superseded(blob.Name);
                return IngestOutcome.Superseded;
            }
            var message = EnrichedArticleMessage.Encode(article, document);
            await _retry.ExecuteAsync(async ct => await storage.Queue(PipelineNames.EnrichedQueue).SendMessageAsync(message, cancellationToken: ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }

        PipelineTelemetry.ArticlesEnriched.Add(1);
        PipelineTelemetry.EntitiesPerArticle.Record(article.Entities.Count);
        PipelineTelemetry.TextRecords.Add(article.Analyzer.TextRecords);
        logger.Enriched(blob.Name, article.ArticleId, article.Entities.Count, article.Sentiment.Label);
        return IngestOutcome.Enriched;
    }

    /// <summary>
    /// The blob's version and, within the size limit, its bytes and their permit; null when it is gone. One request: its
    /// headers give the version and size before any of the body is read, and the body waits for its kilobytes' permit,
    /// so a batch of large articles is not held in memory while each waits its turn.
    /// </summary>
    private async Task<BlobRead?> ReadBlobAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        Response<BlobDownloadStreamingResult> download;
        try
        {
            download = await blob.DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }

        var details = download.Value.Details;
        var snapshot = new BlobSnapshot(blob.BlobContainerName, blob.Name, details.ETag.ToString(), details.LastModified, details.ContentType);
        await using var stream = download.Value.Content;
        if (details.ContentLength > options.Value.MaxArticleBytes)
            return new BlobRead(snapshot, details.ContentLength, null);
        var permit = await _kilobytesInFlight.AcquireAsync(Math.Min(Kilobytes(details.ContentLength), Kilobytes(options.Value.MaxBytesInFlight)), cancellationToken).ConfigureAwait(false);
        try
        {
            return new BlobRead(snapshot, details.ContentLength, await ReadAsync(stream, details.ContentLength, cancellationToken).ConfigureAwait(false), permit);
        }
        catch
        {
            permit.Dispose();
            throw;
        }
    }

    /// <param name="Content">Null when the blob is over the size limit and was not read.</param>
    /// <param name="Permit">The kilobytes in flight the content holds; null with no content.</param>
    private sealed record BlobRead(BlobSnapshot Snapshot, long Length, byte[]? Content, RateLimitLease? Permit = null);

    /// <summary>Reads exactly the announced length; the limit was checked against it first.</summary>
    private static async Task<byte[]> ReadAsync(Stream stream, long length, CancellationToken cancellationToken)
    {
        var buffer = new byte[length];
        await stream.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer;
    }

    /// <summary>Keeps <c>enriched/{articleId}.json</c> at the newest source revision, whatever order the events arrive in.</summary>
    private async Task<bool> TrySaveEnrichedAsync(EnrichedArticle article, byte[] document, CancellationToken cancellationToken)
    {
        var target = storage.Container(PipelineNames.EnrichedContainer).GetBlobClient(EnrichedArticleMessage.BlobName(article.ArticleId));
        string modified = article.Source.LastModified.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Most articles are new: try to create the document first, and compare revisions only when one exists.
        BlobRequestConditions conditions = new() { IfNoneMatch = ETag.All };
        while (true)
        {
            try
            {
                await target.UploadAsync(new BinaryData(document), new BlobUploadOptions
                {
                    Conditions = conditions,
                    Metadata = new Dictionary<string, string> { [PipelineNames.SourceModifiedMetadata] = modified },
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
                }, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // It exists, or changed under us: keep it if it holds a newer revision, else replace exactly that version.
            }

            try
            {
                var existing = (await target.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
                if (existing.Metadata.TryGetValue(PipelineNames.SourceModifiedMetadata, out var stored) && long.Parse(stored, System.Globalization.CultureInfo.InvariantCulture) > article.Source.LastModified.UtcTicks)
                    return false;
                conditions = new BlobRequestConditions { IfMatch = existing.ETag };
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                conditions = new BlobRequestConditions { IfNoneMatch = ETag.All };
            }
        }
    }

    private async Task<IngestOutcome> QuarantineAsync(BlobClient blob, BlobSnapshot snapshot, ArticleRejectedException rejected, CancellationToken cancellationToken)
    {
        var quarantine = storage.Container(PipelineNames.QuarantineContainer);
        var record = new QuarantineRecord(rejected.Reason.ToString(), rejected.Detail, rejected.Message, snapshot.Container, snapshot.Name, snapshot.ETag, clock.GetUtcNow());
        await _retry.ExecuteAsync(async ct =>
        {
            await quarantine.GetBlobClient(blob.Name).StartCopyFromUriAsync(blob.Uri, cancellationToken: ct).ConfigureAwait(false);
            await quarantine.GetBlobClient(QuarantineRecord.BlobName(blob.Name)).UploadAsync(
                BinaryData.FromObjectAsJson(record, PipelineJson.SerializerOptions),
                new BlobUploadOptions { Metadata = record.ToMetadata(), HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" } },
                ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

        PipelineTelemetry.ArticlesQuarantined.Add(1, new KeyValuePair<string, object?>("reason", record.Reason));
        logger.Quarantined(blob.Name, record.Reason, record.Message);
        return IngestOutcome.Quarantined;
    }
}
