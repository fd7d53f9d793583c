using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Pipeline.Analysis;
using Pipeline.Analysis.Entities;
using Pipeline.Analysis.Offline;
using Pipeline.Analysis.Text;
using Pipeline.Ingestion.Enrichment;
using Pipeline.Ingestion.Parsing;
using Pipeline.Summary;
using Pipeline.Testing;
using Xunit.Abstractions;

namespace Pipeline.Ingestion.Tests;

/// <summary>
/// Every stage costs time linear in its input, whatever the input's shape: eight times the input may cost about eight
/// times the time. Linear stages measure 8 to 13 on an idle machine and up to 26 on a busy one (the large input's arrays
/// outgrow the caches), n·log n about 10, a quadratic stage 64 or more: the bound, 8^1.75 ≈ 38, lies between the busiest
/// linear reading and quadratic on a log scale and fails any stage growing faster than n^1.75; a stage past it is
/// measured again until the busy spell passes. The stages:
/// parse (decode, format, normalise), tokenize and sentence-split the whole text, chunk, the offline analyzer over the
/// chunks (entities, sentiment, key phrases), entity linking over every mention, the enriched document's JSON, the
/// summary contribution and its fold into the summary state.
/// </summary>
[Collection(nameof(ScalingTests))]
public class ScalingTests(ITestOutputHelper output)
{
    /// <summary>Both texts past the large-object threshold (UTF-16, twice the bytes), so the ratio compares work, not two kinds of allocation.</summary>
    private const int Small = 48 * 1024, Large = 8 * Small;
    private static readonly double MaxRatio = Math.Pow(8, 1.75);
    private static readonly TimeSpan RetryFor = TimeSpan.FromSeconds(30);

    private static readonly OfflineTextAnalyzer Analyzer = new();
    private static readonly ArticleEnricher Enricher = new(new ChunkedTextAnalysis(Analyzer), Options.Create(new EnrichmentOptions()), TimeProvider.System);
    private static readonly SummaryAggregator Aggregator = new(new SummaryOptions());

    /// <summary>One input and what the stages before a given one made of it, computed once and only when a stage needs it.</summary>
    private sealed class Sample
    {
        private readonly Lazy<ParsedArticle> _parsed;
        private readonly Lazy<ArticleAnalysis> _analysis;
        private readonly Lazy<EnrichedArticle> _enriched;

        public Sample(string shape, byte[] file)
        {
            File = file;
            _parsed = new(() => ArticleParser.Parse(shape, file));
            _analysis = new(() => new ChunkedTextAnalysis(Analyzer).AnalyzeAsync(Text, Parsed.Language, CancellationToken.None).GetAwaiter().GetResult());
            _enriched = new(() => Enricher.EnrichAsync(new BlobSnapshot("articles", shape, "\"0x1\"", DateTimeOffset.UnixEpoch), file, CancellationToken.None).GetAwaiter().GetResult());
        }

        public byte[] File { get; }
        public ParsedArticle Parsed => _parsed.Value;
        public string Text => Parsed.Text;
        public ArticleAnalysis Analysis => _analysis.Value;
        public EnrichedArticle Enriched => _enriched.Value;
    }

    public static TheoryData<string> Shapes() => new(HostileShapes.All.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Each_stage_costs_time_linear_in_the_input(string shape)
    {
        var make = HostileShapes.All.Single(s => s.Name == shape).Make;
        var stages = new (string Stage, Func<Sample, Action?> Prepare)[]
        {
            ("parse", sample => () => ArticleParser.Parse(shape, sample.File)),
            ("tokenize", sample => () => Tokenizer.Tokenize(sample.Text)),
            ("sentences", sample =>
            {
                var tokens = Tokenizer.Tokenize(sample.Text);
                return () => SentenceSplitter.Split(sample.Text, tokens);
            }),
            // Text within one chunk is returned whole without being looked at: nothing to scale.
            ("chunk", sample => sample.Text.Length <= AnalysisLimits.MaxDocumentTextElements ? null : () => TextChunker.Split(sample.Text, AnalysisLimits.MaxDocumentTextElements)),
            ("analyze", sample =>
            {
                var documents = TextChunker.Split(sample.Text, AnalysisLimits.MaxDocumentTextElements)
                    .Select((c, i) => new AnalysisDocument(i.ToString(CultureInfo.InvariantCulture), c.Text, sample.Parsed.Language)).ToList();
                return () => Analyzer.AnalyzeAsync(documents, CancellationToken.None).GetAwaiter().GetResult();
            }),
            ("link", sample => () => EntityCanonicalizer.Default.Canonicalize(sample.Text, sample.Analysis.Entities)),
            // The serializer's work, into one buffer kept across runs: the array the handler gets back lies under the
            // large-object threshold for the small input and over it for the large one, two kinds of allocation rather
            // than eight times the work.
            ("document", sample =>
            {
                var buffer = new ArrayBufferWriter<byte>();
                return () =>
                {
                    buffer.ResetWrittenCount();
                    using var writer = new Utf8JsonWriter(buffer);
                    JsonSerializer.Serialize(writer, sample.Enriched, PipelineJson.Default.EnrichedArticle);
                };
            }),
            ("contribution", sample => () => ArticleContribution.From(sample.Enriched)),
            ("fold", sample =>
            {
                var contribution = ArticleContribution.From(sample.Enriched);
                return () => Aggregator.Add(new SummaryState(), contribution);
            }),
        };
        var (smallSample, largeSample) = (new Sample(shape, make(Small)), new Sample(shape, make(Large)));

        var failures = new List<string>();
        foreach (var (stage, prepare) in stages)
        {
            if ((prepare(smallSample), prepare(largeSample)) is not (Action small, Action large))
                continue;
            small(); // warm-up: JIT, first-use tables
            int rounds = RoundsFor(small);
            var (smallTime, largeTime) = Fastest(small, large, rounds);
            double ratio = largeTime / smallTime;
            // A ratio past the bound is measured again for up to half a minute: a stage that is not linear stays past it (at
            // 64 for a quadratic one) however long it is measured, while a busy spell of the machine (another test assembly
            // on the other core, taking the caches the large input needs) passes.
            var retrying = Stopwatch.StartNew();
            while (ratio >= MaxRatio && retrying.Elapsed < RetryFor)
            {
                (smallTime, largeTime) = Fastest(small, large, rounds);
                ratio = Math.Min(ratio, largeTime / smallTime);
            }
            output.WriteLine($"{shape} {stage}: ×{ratio:F1} for ×8 the input ({rounds} runs a measurement)");
            if (ratio >= MaxRatio)
                failures.Add($"{stage} ×{ratio:F1}");
        }
        Assert.True(failures.Count == 0, $"{shape}: {string.Join(", ", failures)} for ×8 the input");
    }

    /// <summary>Enough runs that the small input's measurement lasts about 20 ms, so the clock's resolution does not decide it.</summary>
    private static int RoundsFor(Action small)
    {
        var clock = Stopwatch.StartNew();
        small();
        return (int)Math.Clamp(Math.Ceiling(20 / Math.Max(clock.Elapsed.TotalMilliseconds, 0.001)), 1, 2_000);
    }

    /// <summary>
    /// The fastest of three measurements of each, taken in turns so both meet the same machine, and the fastest being the
    /// one least disturbed by the rest of it; without the collector's pauses, which a larger live heap (an HTML table's
    /// DOM) makes longer: that is the runtime's cost, not a stage's. A measurement whose pauses (wall-clock time) outlast
    /// the thread's processor time was descheduled during them and tells nothing: it is left out, and a stage none of
    /// whose measurements tell anything counts as past the bound, to be measured again.
    /// </summary>
    private static (double Small, double Large) Fastest(Action small, Action large, int rounds)
    {
        double bestSmall = double.PositiveInfinity, bestLarge = double.PositiveInfinity;
        for (int measurement = 0; measurement < 3; measurement++)
        {
            bestSmall = Math.Min(bestSmall, Measure(small, rounds) ?? double.PositiveInfinity);
            bestLarge = Math.Min(bestLarge, Measure(large, rounds) ?? double.PositiveInfinity);
        }
        return double.IsPositiveInfinity(bestSmall) ? (1, double.PositiveInfinity) : (bestSmall, bestLarge);
    }

    private static double? Measure(Action work, int rounds)
    {
        GC.Collect();
        var paused = GC.GetTotalPauseDuration();
        var started = ThreadClock.Now();
        for (int i = 0; i < rounds; i++)
            work();
        var working = ThreadClock.Now() - started - (GC.GetTotalPauseDuration() - paused);
        return working > TimeSpan.Zero ? working.TotalMilliseconds : null;
    }
}

/// <summary>
/// The processor time of the calling thread, so a stage is timed by its own work, not by what the test assemblies and
/// the Azurite instances running beside it take from a two-core machine; the wall clock where that is not to hand.
/// Every stage runs synchronously on the thread that times it.
/// </summary>
internal static class ThreadClock
{
    private const int ThreadCpuTime = 3; // CLOCK_THREAD_CPUTIME_ID

    public static TimeSpan Now() =>
        OperatingSystem.IsLinux() && ClockGetTime(ThreadCpuTime, out var time) == 0
            ? TimeSpan.FromTicks(time.Seconds * TimeSpan.TicksPerSecond + time.Nanoseconds / 100)
            : Stopwatch.GetElapsedTime(0);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}

/// <summary>Timings are taken alone: other test classes running at the same time would decide the ratios.</summary>
[CollectionDefinition(nameof(ScalingTests), DisableParallelization = true)]
public sealed class ScalingTestsCollection;
