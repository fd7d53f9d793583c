using System.Diagnostics;
using BenchmarkDotNet.Running;
using Pipeline.Benchmarks;
using Pipeline.Analysis;
using Pipeline.Analysis.Offline;

// "memory [Fast|Accurate]": working set of a process that has started the analyzer and analysed 2,000 articles
// (BenchmarkDotNet reports allocations, not the working set). Anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "memory")
{
    var mode = args.Length > 1 ? Enum.Parse<OfflineAnalyzerMode>(args[1], ignoreCase: true) : OfflineAnalyzerMode.Fast;
    using var process = Process.GetCurrentProcess();
    long before = process.WorkingSet64;
    var watch = Stopwatch.StartNew();
    var analyzer = new OfflineTextAnalyzer(new OfflineAnalyzerOptions { Mode = mode }, mode == OfflineAnalyzerMode.Accurate ? Pipeline.Analysis.MiniLM.MiniLmSentiment.Instance : null);
    var seed = new AnalysisDocument("seed", Articles.Seed(), null);
    analyzer.Analyze(seed);
    double startup = watch.Elapsed.TotalMilliseconds;
    var gold = Articles.Gold();
    int count = mode == OfflineAnalyzerMode.Fast ? 2000 : 100;
    watch.Restart();
    for (int i = 0; i < count; i++) analyzer.Analyze(new AnalysisDocument("a", gold[i % gold.Count], null));
    double perSecond = count / watch.Elapsed.TotalSeconds;
    process.Refresh();
    Console.WriteLine($"mode {mode}: start-up (construction + first analysis) {startup:F0} ms; {perSecond:F0} articles/s over {count} articles (Stopwatch, not BenchmarkDotNet)");
    Console.WriteLine($"working set: {before / 1048576.0:F0} MB at entry, {process.WorkingSet64 / 1048576.0:F0} MB after, peak {process.PeakWorkingSet64 / 1048576.0:F0} MB");
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(ThroughputBenchmarks).Assembly).Run(args);
return 0;
