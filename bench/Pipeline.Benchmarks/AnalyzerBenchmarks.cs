using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Pipeline.Analysis;
using Pipeline.Analysis.Offline;

namespace Pipeline.Benchmarks;

/// <summary>
/// One 3,000-character article through the whole offline analysis (entities, sentiment, key phrases, language) on one
/// thread. Articles per second per core = 1 / mean.
/// </summary>
[MemoryDiagnoser]
public class ThroughputBenchmarks
{
    private OfflineTextAnalyzer _analyzer = null!;
    private AnalysisDocument _seed = null!;
    private AnalysisDocument[] _gold = null!;
    private int _next;

    [Params(OfflineAnalyzerMode.Fast, OfflineAnalyzerMode.Accurate)]
    public OfflineAnalyzerMode Mode { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _analyzer = new OfflineTextAnalyzer(new OfflineAnalyzerOptions { Mode = Mode }, Mode == OfflineAnalyzerMode.Accurate ? Pipeline.Analysis.MiniLM.MiniLmSentiment.Instance : null);
        _seed = new AnalysisDocument("seed", Articles.Seed(), null);
        _gold = Articles.Gold().Select((t, i) => new AnalysisDocument(i.ToString(System.Globalization.CultureInfo.InvariantCulture), t, null)).ToArray();
    }

    /// <summary>The sample article (US-Ukraine security guarantees) repeated to 3,000 characters.</summary>
    [Benchmark(Baseline = true)]
    public DocumentAnalysis SeedArticle() => _analyzer.Analyze(_seed);

    /// <summary>Gold-set paragraphs (politics, business, sport, science, culture) run together into 3,000-character articles, in turn.</summary>
    [Benchmark]
    public DocumentAnalysis GoldArticles() => _analyzer.Analyze(_gold[_next++ % _gold.Length]);
}

/// <summary>
/// One 3,000-character news article in each language the offline analyzer reads (its gold development paragraphs run
/// together), language detection included, on one thread in fast mode. Articles per second per core = 1 / mean.
/// </summary>
[MemoryDiagnoser]
public class LanguageThroughputBenchmarks
{
    private OfflineTextAnalyzer _analyzer = null!;
    private AnalysisDocument[] _articles = null!;
    private int _next;

    [Params("en", "de", "fr", "es", "it", "nl", "pt")]
    public string Language { get; set; } = "en";

    [GlobalSetup]
    public void Setup()
    {
        _analyzer = new OfflineTextAnalyzer(new OfflineAnalyzerOptions { Mode = OfflineAnalyzerMode.Fast }, null);
        _articles = Articles.Gold(Language == "en" ? "gold.jsonl" : $"{Language}-dev.jsonl")
            .Select((t, i) => new AnalysisDocument(i.ToString(System.Globalization.CultureInfo.InvariantCulture), t, null)).ToArray();
        foreach (var article in _articles) _analyzer.Analyze(article); // the language's data loads lazily: not part of the measurement
    }

    [Benchmark]
    public DocumentAnalysis Article() => _analyzer.Analyze(_articles[_next++ % _articles.Length]);
}

/// <summary>
/// Start-up as a host sees it: the first construction and the first analysis in a fresh process (embedded data load,
/// JIT), measured once per launched process.
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 5, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class StartupBenchmarks
{
    private AnalysisDocument _seed = null!;

    [Params(OfflineAnalyzerMode.Fast, OfflineAnalyzerMode.Accurate)]
    public OfflineAnalyzerMode Mode { get; set; }

    [GlobalSetup]
    public void Setup() => _seed = new AnalysisDocument("seed", Articles.Seed(), null);

    [Benchmark]
    public DocumentAnalysis FirstConstructionAndAnalysis() => new OfflineTextAnalyzer(new OfflineAnalyzerOptions { Mode = Mode }, Mode == OfflineAnalyzerMode.Accurate ? Pipeline.Analysis.MiniLM.MiniLmSentiment.Instance : null).Analyze(_seed);

    [GlobalCleanup]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "BenchmarkDotNet calls cleanup methods on the benchmark instance.")]
    public void ReportWorkingSet()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        Console.WriteLine($"// Working set after start-up: {process.WorkingSet64 / (1024.0 * 1024):F0} MB (peak {process.PeakWorkingSet64 / (1024.0 * 1024):F0} MB)");
    }
}
