using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Pipeline.Runtime;

namespace Pipeline.Analysis.AzureLanguage;

/// <summary>
/// Answers documents analysed before from the <c>analysiscache</c> table, so identical text (a re-uploaded or lightly
/// edited article shares most chunks) is analysed and billed once. The key is SHA-256 over analyzer name, version (API and
/// model), language hint and text; PartitionKey is its first two hex digits (256 partitions), RowKey the rest.
/// The analysis is stored gzipped in one binary property; past the 64 KiB property limit it goes to
/// <c>enriched/cache/{key}.json.gz</c> and the entity points there. A hit costs no text records. The cache only saves money:
/// a storage fault while reading counts as a miss and one while writing is logged, never failing an analysis.
/// </summary>
internal sealed class CachingTextAnalyzer(ITextAnalyzer inner, PipelineStorage storage, ILogger<CachingTextAnalyzer> logger) : ITextAnalyzer
{
    private const int MaxPropertyBytes = 60 * 1024;
    private const string AnalysisProperty = "Analysis";
    private const string BlobProperty = "Blob";

    private readonly TableClient _table = storage.Table(PipelineNames.AnalysisCacheTable);

    public AnalyzerInfo Info => inner.Info;

    public async Task<IReadOnlyList<DocumentAnalysis>> AnalyzeAsync(IReadOnlyList<AnalysisDocument> documents, CancellationToken cancellationToken)
    {
        string[] keys = documents.Select(Key).ToArray();
        var results = await Task.WhenAll(keys.Select(k => ReadAsync(k, cancellationToken))).ConfigureAwait(false);
        var misses = Enumerable.Range(0, documents.Count).Where(i => results[i] is null).ToList();
        PipelineTelemetry.AnalysisCache.Add(documents.Count - misses.Count, new KeyValuePair<string, object?>("result", "hit"));
        PipelineTelemetry.AnalysisCache.Add(misses.Count, new KeyValuePair<string, object?>("result", "miss"));

        for (int i = 0; i < results.Length; i++)
        {
            if (results[i] is { } hit)
                results[i] = hit with { Id = documents[i].Id, TextRecords = 0 };
        }
        if (misses.Count > 0)
        {
            var fresh = await inner.AnalyzeAsync(misses.Select(i => documents[i]).ToList(), cancellationToken).ConfigureAwait(false);
            for (int j = 0; j < misses.Count; j++)
                results[misses[j]] = fresh[j];
            await Task.WhenAll(misses.Select(i => WriteAsync(keys[i], results[i]!, cancellationToken))).ConfigureAwait(false);
        }
        return results!;
    }

    private string Key(AnalysisDocument document)
    {
        // NUL separators: no field can run into the next and collide.
        byte[] input = Encoding.UTF8.GetBytes($"{inner.Info.Name}\0{inner.Info.Version}\0{document.Language?.Trim().ToLowerInvariant()}\0{document.Text}");
        return Convert.ToHexStringLower(SHA256.HashData(input));
    }

    private async Task<DocumentAnalysis?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var entity = await _table.GetEntityIfExistsAsync<TableEntity>(key[..2], key[2..], cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!entity.HasValue)
                return null;
            byte[]? compressed = entity.Value!.GetBinary(AnalysisProperty);
            if (compressed is null && entity.Value.GetString(BlobProperty) is { } blobName)
                compressed = (await storage.Container(PipelineNames.EnrichedContainer).GetBlobClient(blobName).DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content.ToArray();
            return compressed is null ? null : Decode(compressed);
        }
        catch (Exception e) when (e is RequestFailedException or JsonException or InvalidDataException || TransientFaults.IsTransient(e))
        {
            logger.CacheReadFailed(e, key);
            return null;
        }
    }

    private async Task WriteAsync(string key, DocumentAnalysis analysis, CancellationToken cancellationToken)
    {
        try
        {
            byte[] compressed = Encode(analysis with { TextRecords = 0 });
            var entity = new TableEntity(key[..2], key[2..]);
            if (compressed.Length <= MaxPropertyBytes)
            {
                entity[AnalysisProperty] = compressed;
            }
            else
            {
                string blobName = $"cache/{key}.json.gz";
                await storage.Container(PipelineNames.EnrichedContainer).GetBlobClient(blobName).UploadAsync(new BinaryData(compressed), overwrite: true, cancellationToken).ConfigureAwait(false);
                entity[BlobProperty] = blobName;
            }
            await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RequestFailedException || TransientFaults.IsTransient(e))
        {
            logger.CacheWriteFailed(e, key);
        }
    }

    private static byte[] Encode(DocumentAnalysis analysis)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
            JsonSerializer.Serialize(gzip, analysis, CacheJson.Default.DocumentAnalysis);
        return buffer.ToArray();
    }

    private static DocumentAnalysis? Decode(byte[] compressed)
    {
        using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        return JsonSerializer.Deserialize(gzip, CacheJson.Default.DocumentAnalysis);
    }
}
