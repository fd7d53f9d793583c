using System.Diagnostics;
using System.Globalization;
using Pipeline.Analysis;
using Pipeline.Analysis.Offline;
using Pipeline.Ingestion.Enrichment;
using Pipeline.Ingestion.Parsing;
using Pipeline.Testing;
using Xunit.Abstractions;

namespace Pipeline.Ingestion.Tests;

/// <summary>
/// Every stage costs time linear in its input, whatever the input's shape: eight times the input may cost about eight
/// times the time. Linear stages measure 8 to 13 here (the HTML tree builder's larger DOMs at the top), n·log n about 10,
/// a quadratic stage 64: the bound of 16 tells them apart on a machine busy with other work, measured within one run. The stages: parse (decode, format, normalise), chunk, and the offline analyzer over the chunks
/// (tokenize, sentences, entities, sentiment, key phrases).
/// </summary>
[Collection(nameof(ScalingTests))]
public class ScalingTests(ITestOutputHelper output)
{
    /// <summary>Both past the large-object threshold, so the ratio compares work, not two kinds of allocation.</summary>
    private const int Small = 96 * 1024, Large = 8 * Small;
    private const double MaxRatio = 16;

    private static readonly OfflineTextAnalyzer Analyzer = new();

    public static TheoryData<string> Shapes() => new(HostileShapes.All.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Each_stage_costs_time_linear_in_the_input(string shape)
    {
        var make = HostileShapes.All.Single(s => s.Name == shape).Make;
        var stages = new (string Stage, Func<byte[], Action?> Prepare)[]
        {
            ("parse", file => () => ArticleParser.Parse(shape, file)),
            ("chunk", file =>
            {
                string text = ArticleParser.Parse(shape, file).Text;
                // Text within one chunk is returned whole without being looked at: nothing to scale.
                return text.Length <= AnalysisLimits.MaxDocumentTextElements ? null : () => TextChunker.Split(text, AnalysisLimits.MaxDocumentTextElements);
            }),
            ("analyze", file =>
            {
                var article = ArticleParser.Parse(shape, file);
                var documents = TextChunker.Split(article.Text, AnalysisLimits.MaxDocumentTextElements)
                    .Select((c, i) => new AnalysisDocument(i.ToString(CultureInfo.InvariantCulture), c.Text, article.Language)).ToList();
                return () => Analyzer.AnalyzeAsync(documents, CancellationToken.None).GetAwaiter().GetResult();
            }),
        };

        var failures = new List<string>();
        foreach (var (stage, prepare) in stages)
        {
            if ((prepare(make(Small)), prepare(make(Large))) is not (Action small, Action large))
                continue;
            small(); // warm-up: JIT, first-use tables
            int rounds = RoundsFor(small);
            var (smallTime, largeTime) = Fastest(small, large, rounds);
            double ratio = largeTime / smallTime;
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
    /// The fastest of five measurements of each, taken in turns so both meet the same machine, and the fastest being the
    /// one least disturbed by the rest of it; without the collector's pauses, which a larger live heap (an HTML table's
    /// DOM) makes longer: that is the runtime's cost, not a stage's.
    /// </summary>
    private static (double Small, double Large) Fastest(Action small, Action large, int rounds)
    {
        double bestSmall = double.MaxValue, bestLarge = double.MaxValue;
        for (int measurement = 0; measurement < 5; measurement++)
        {
            bestSmall = Math.Min(bestSmall, Measure(small, rounds));
            bestLarge = Math.Min(bestLarge, Measure(large, rounds));
        }
        return (bestSmall, bestLarge);
    }

    private static double Measure(Action work, int rounds)
    {
        GC.Collect();
        var paused = GC.GetTotalPauseDuration();
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < rounds; i++)
            work();
        return (clock.Elapsed - (GC.GetTotalPauseDuration() - paused)).TotalMilliseconds;
    }
}

/// <summary>Timings are taken alone: other test classes running at the same time would decide the ratios.</summary>
[CollectionDefinition(nameof(ScalingTests), DisableParallelization = true)]
public sealed class ScalingTestsCollection;
