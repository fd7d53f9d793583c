using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Hosting;
using Pipeline.Summary;
using Pipeline.Ingestion.Enrichment;
using Pipeline.Runtime;
using Pipeline.Local.Generation;
using Pipeline.Local.Hosting;
using Pipeline.Analysis.Offline;

namespace Pipeline.Local.Benchmark;

/// <summary>What one benchmark run measured.</summary>
internal sealed record BenchmarkReport(
    int Articles,
    int Cores,
    double StorageFloorPerSecond,
    double BatchedStorageFloorPerSecond,
    double AnalyzerPerSecond,
    double PipelinePerSecond,
    Percentiles BurstLatency,
    double PacedRatePerSecond,
    Percentiles PacedLatency,
    long PeakWorkingSetBytes)
{
    public double Floor => Math.Min(StorageFloorPerSecond, AnalyzerPerSecond);
    public double RatioToFloor => PipelinePerSecond / Floor;
    public double RatioToBatchedFloor => PipelinePerSecond / Math.Min(BatchedStorageFloorPerSecond, AnalyzerPerSecond);
}

internal sealed record Percentiles(double P50, double P95, double P99)
{
    public static Percentiles Of(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        double At(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return new Percentiles(At(0.50), At(0.95), At(0.99));
    }
}

/// <summary>The summary folds' total time while it listens (<c>pipeline.stage.duration</c>, stage <c>fold</c>).</summary>
internal sealed class FoldTimeListener : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _microseconds;

    public FoldTimeListener()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // By name: the instruments are published while PipelineTelemetry's static fields are still being assigned.
            if (instrument.Meter.Name == PipelineTelemetry.Name && instrument.Name == "pipeline.stage.duration") listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((_, milliseconds, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag is { Key: "stage", Value: "fold" }) Interlocked.Add(ref _microseconds, (long)(milliseconds * 1000));
        });
        _listener.Start();
    }

    /// <summary>Milliseconds spent folding so far.</summary>
    public double Total => Interlocked.Read(ref _microseconds) / 1000.0;

    public void Dispose() => _listener.Dispose();
}

/// <summary>
/// Measures the local pipeline against its floor, in one run on one Azurite:
/// the raw storage operations one article needs, the analyzer alone, then the full pipeline (a burst of N articles,
/// then a paced run at half the burst's throughput for latency). The floor is measured twice: as the issue defines it
/// (upload, read, enqueue, dequeue and one summary write per article) and a stricter one that writes the summary once
/// per 50 articles, as the pipeline's batched fold does.
/// </summary>
internal sealed class PipelineBenchmark(string connectionString, int parallelism, TextWriter log)
{
    private const int SummaryWriteEvery = 50;
    private const int ReceiveBatch = 32;

    public async Task<BenchmarkReport> RunAsync(int count, int seed, CancellationToken cancellationToken)
    {
        var articles = ArticleGenerator.Generate(count, seed).ToList();
        var storage = PipelineStorage.FromConnectionString(connectionString);
        await storage.EnsureCreatedAsync(cancellationToken);

        var (analyzerRate, messageSizes) = await MeasureAnalyzerAsync(articles, cancellationToken);
        log.WriteLine($"analyzer alone:  {analyzerRate,8:F0} articles/s ({Environment.ProcessorCount} threads)");
        double floorRate = await MeasureStorageFloorAsync(storage, "bench-floor", articles, messageSizes, summaryWriteEvery: 1, cancellationToken);
        log.WriteLine($"storage floor:   {floorRate,8:F0} articles/s (upload, read, enqueue, dequeue in batches of {ReceiveBatch}, one summary write per article)");
        double batchedFloorRate = await MeasureStorageFloorAsync(storage, "bench-floor-batched", articles, messageSizes, SummaryWriteEvery, cancellationToken);
        log.WriteLine($"stricter floor:  {batchedFloorRate,8:F0} articles/s (the same with one summary write per {SummaryWriteEvery} articles)");

        using var host = LocalHost.Build(connectionString);
        await host.StartAsync(cancellationToken);
        try
        {
            var tracker = new ArticleTracker(host.Services.GetRequiredService<PipelineStorage>());
            var summary = host.Services.GetRequiredService<SummaryStore>();
            long foldsBefore = (await summary.ReadStateAsync(cancellationToken)).State.Version;
            using var foldTime = new FoldTimeListener();
            var (burstRate, burstLatency, _) = await ArticleLoad.RunAsync(tracker, articles, pace: null, parallelism, slowest: 5, cancellationToken);
            double foldMilliseconds = foldTime.Total;
            long folds = (await summary.ReadStateAsync(cancellationToken)).State.Version - foldsBefore;
            log.WriteLine($"pipeline burst:  {burstRate,8:F0} articles/s; latency upload→summarised p50 {burstLatency.P50:F2} s, p95 {burstLatency.P95:F2} s, p99 {burstLatency.P99:F2} s; {folds} folds ({count / (double)Math.Max(1, folds):F1} articles each)");
            log.WriteLine($"fold:            {foldMilliseconds * 1000 / count,8:F0} µs per article ({foldMilliseconds / Math.Max(1, folds):F1} ms per fold: read the state, add, write it, render, mark the records)");

            double pacedRate = burstRate / 2;
            var paced = ArticleGenerator.Generate(Math.Min(count, (int)Math.Max(50, pacedRate * 20)), seed + 1)
                .Select(a => (a.Name.Replace("generated/", "paced/", StringComparison.Ordinal), a.Content)).ToList();
            var (_, pacedLatency, _) = await ArticleLoad.RunAsync(tracker, paced, pace: pacedRate, parallelism, slowest: 5, cancellationToken);
            log.WriteLine($"pipeline paced:  {pacedRate,8:F0} articles/s offered ({paced.Count} articles); latency p50 {pacedLatency.P50:F2} s, p95 {pacedLatency.P95:F2} s, p99 {pacedLatency.P99:F2} s");

            using var process = Process.GetCurrentProcess();
            return new BenchmarkReport(count, Environment.ProcessorCount, floorRate, batchedFloorRate, analyzerRate, burstRate, burstLatency, pacedRate, pacedLatency, process.PeakWorkingSet64);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Parse + analyse + serialise every article on all cores; also yields each enriched document's size for the floor's messages.</summary>
    private static readonly Microsoft.Extensions.Configuration.IConfiguration NoSettings = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();

    private static async Task<(double Rate, int[] MessageSizes)> MeasureAnalyzerAsync(List<(string Name, byte[] Content)> articles, CancellationToken cancellationToken)
    {
        // The offline analyzer, exactly as the hosts register it; no storage is touched.
        await using var services = new ServiceCollection().AddLogging()
            .AddPipeline(NoSettings).AddOfflineAnalyzer(NoSettings).BuildServiceProvider();
        var enricher = services.GetRequiredService<ArticleEnricher>();
        var sizes = new int[articles.Count];
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, articles.Count), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var snapshot = new BlobSnapshot(PipelineNames.ArticlesContainer, articles[i].Name, "\"bench\"", DateTimeOffset.UtcNow);
            var article = await enricher.EnrichAsync(snapshot, articles[i].Content, ct);
            sizes[i] = JsonSerializer.SerializeToUtf8Bytes(article, PipelineJson.Default.EnrichedArticle).Length;
        });
        return (articles.Count / clock.Elapsed.TotalSeconds, sizes);
    }

    /// <summary>The storage operations one article costs at the least, with the same parallelism, against the same Azurite.</summary>
    private async Task<double> MeasureStorageFloorAsync(PipelineStorage storage, string name, List<(string Name, byte[] Content)> articles, int[] messageSizes,
        int summaryWriteEvery, CancellationToken cancellationToken)
    {
        var container = storage.Container(name);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var queue = storage.Queue(name);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var summary = container.GetBlobClient("summary.json");
        var summaryETag = (await summary.UploadAsync(BinaryData.FromString("{}"), overwrite: true, cancellationToken)).Value.ETag;
        var summaryLock = new SemaphoreSlim(1);
        int received = 0;

        var clock = Stopwatch.StartNew();
        var consumer = Task.Run(async () =>
        {
            while (Volatile.Read(ref received) < articles.Count)
            {
                var messages = (await queue.ReceiveMessagesAsync(ReceiveBatch, cancellationToken: cancellationToken)).Value;
                await Task.WhenAll(messages.Select(async m =>
                {
                    await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt, cancellationToken);
                    if (summaryWriteEvery == 1)
                        await summary.UploadAsync(BinaryData.FromString($"{{\"id\":\"{m.MessageId}\"}}"), overwrite: true, cancellationToken);
                }));
                int total = Interlocked.Add(ref received, messages.Length);
                if (summaryWriteEvery > 1 && messages.Length > 0 && total / summaryWriteEvery != (total - messages.Length) / summaryWriteEvery)
                {
                    await summaryLock.WaitAsync(cancellationToken);
                    try { summaryETag = (await summary.UploadAsync(BinaryData.FromString($"{{\"n\":{total}}}"), new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = summaryETag } }, cancellationToken)).Value.ETag; }
                    finally { summaryLock.Release(); }
                }
            }
        }, cancellationToken);

        await Parallel.ForEachAsync(Enumerable.Range(0, articles.Count), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var blob = container.GetBlobClient(articles[i].Name);
            await blob.UploadAsync(new BinaryData(articles[i].Content), overwrite: true, ct);
            (await blob.DownloadContentAsync(ct)).Value.Content.ToMemory();
            int size = Math.Min(messageSizes[i], EnrichedArticleMessage.MaxInlineBytes);
            await queue.SendMessageAsync(new BinaryData(new byte[size]), cancellationToken: ct);
        });
        await consumer;
        double rate = articles.Count / clock.Elapsed.TotalSeconds;
        // Scratch data: left behind, it would make every later Azurite save and listing slower for the pipeline's run.
        await container.DeleteAsync(cancellationToken: cancellationToken);
        await queue.DeleteAsync(cancellationToken);
        return rate;
    }
}
