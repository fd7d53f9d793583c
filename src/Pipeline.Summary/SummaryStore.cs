using System.Buffers;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Pipeline.Runtime;

namespace Pipeline.Summary;

/// <summary>The summary's blobs: the running state (If-Match writes), the rendered document, and the fold lease.</summary>
public sealed class SummaryStore(PipelineStorage storage)
{
    private const string LeaseBlob = "fold.lease";
    private readonly BlobContainerClient _container = storage.Container(PipelineNames.SummariesContainer);

    /// <summary>The last state write's buffer, taken by the next write (a second writer at the same time makes its own).</summary>
    private ArrayBufferWriter<byte>? _stateBuffer;

    public BlobClient LatestBlob => _container.GetBlobClient(PipelineNames.LatestSummaryBlob);

    public async Task<(SummaryState State, ETag? ETag)> ReadStateAsync(CancellationToken cancellationToken)
    {
        var (_, state, etag) = await ReadStateIfChangedAsync(null, cancellationToken).ConfigureAwait(false);
        return (state ?? new SummaryState(), etag);
    }

    /// <summary>
    /// The state if it changed since <paramref name="known"/> was read (the storage service answers 304 otherwise, so an
    /// unchanged state is not downloaded); <c>Changed: false</c> when it did not, and a null state when there is none yet.
    /// </summary>
    public async Task<(bool Changed, SummaryState? State, ETag? ETag)> ReadStateIfChangedAsync(ETag? known, CancellationToken cancellationToken)
    {
        try
        {
            var download = await _container.GetBlobClient(PipelineNames.SummaryStateBlob).DownloadStreamingAsync(
                new BlobDownloadOptions { Conditions = known is { } etag ? new BlobRequestConditions { IfNoneMatch = etag } : null }, cancellationToken).ConfigureAwait(false);
            if (download.GetRawResponse().Status == 304)
                return (false, null, known);
            await using var stream = download.Value.Content;
            var state = await JsonSerializer.DeserializeAsync(stream, SummaryJson.Default.SummaryState, cancellationToken).ConfigureAwait(false)
                        ?? throw new InvalidDataException("summaries/state.json is empty.");
            return (true, state, download.Value.Details.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 304)
        {
            return (false, null, known);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return (known is not null, null, null);
        }
    }

    /// <summary>Writes the state only if nobody else wrote since it was read.</summary>
    /// <returns>The written state's ETag; null when someone else wrote first.</returns>
    internal async Task<ETag?> TryReplaceStateAsync(SummaryState state, ETag? readETag, CancellationToken cancellationToken)
    {
        var conditions = readETag is { } etag ? new BlobRequestConditions { IfMatch = etag } : new BlobRequestConditions { IfNoneMatch = ETag.All };
        var buffer = Interlocked.Exchange(ref _stateBuffer, null) ?? new ArrayBufferWriter<byte>();
        try
        {
            WriteState(state, buffer);
            var written = await _container.GetBlobClient(PipelineNames.SummaryStateBlob).UploadAsync(
                BinaryData.FromBytes(buffer.WrittenMemory),
                new BlobUploadOptions { Conditions = conditions, HttpHeaders = JsonHeaders }, cancellationToken).ConfigureAwait(false);
            return written.Value.ETag;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return null;
        }
        finally
        {
            buffer.ResetWrittenCount();
            Volatile.Write(ref _stateBuffer, buffer);
        }
    }

    /// <summary>
    /// The state's JSON, written into <paramref name="buffer"/>. The state is written whole at every fold and can run to
    /// megabytes, so the buffer is kept from one write to the next instead of being grown and copied each time.
    /// </summary>
    internal static void WriteState(SummaryState state, IBufferWriter<byte> buffer)
    {
        using var writer = new Utf8JsonWriter(buffer);
        JsonSerializer.Serialize(writer, state, SummaryJson.Default.SummaryState);
    }

    public async Task WriteLatestAsync(SummaryDocument document, CancellationToken cancellationToken) =>
        await LatestBlob.UploadAsync(
            BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(document, PipelineJson.Default.SummaryDocument)),
            new BlobUploadOptions { HttpHeaders = JsonHeaders }, cancellationToken).ConfigureAwait(false);

    public async Task<SummaryDocument?> ReadLatestAsync(CancellationToken cancellationToken)
    {
        try
        {
            var download = await LatestBlob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return download.Value.Content.ToObjectFromJson(PipelineJson.Default.SummaryDocument);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Tries to become the one folder; null when another instance holds the lease.</summary>
    public async Task<BlobLeaseClient?> TryAcquireFoldLeaseAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        var blob = _container.GetBlobClient(LeaseBlob);
        var lease = blob.GetBlobLeaseClient();
        for (int attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                await lease.AcquireAsync(duration, cancellationToken: cancellationToken).ConfigureAwait(false);
                return lease;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                try { await blob.UploadAsync(BinaryData.Empty, overwrite: false, cancellationToken).ConfigureAwait(false); }
                catch (RequestFailedException created) when (created.Status is 409 or 412) { }
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                return null;
            }
        }
        return null;
    }

    private static BlobHttpHeaders JsonHeaders => new() { ContentType = "application/json; charset=utf-8" };
}
