using System.Diagnostics;
using Pipeline.Analysis;
using Pipeline.Analysis.Offline;
using Xunit.Abstractions;

namespace Pipeline.Core.Tests.Analysis;

/// <summary>
/// Guards against order-of-magnitude regressions only: the machine is shared and tests run in Debug, so the bounds
/// are far below the Release targets (data load under 1 s, 1,000 articles of 3,000 characters per second per core).
/// </summary>
public class OfflinePerformanceTests(ITestOutputHelper output)
{
    [Fact]
    public void Loading_all_data_takes_well_under_a_second()
    {
        OfflineData.Load();
        var watch = Stopwatch.StartNew();
        OfflineData.Load();
        output.WriteLine($"data load: {watch.ElapsedMilliseconds} ms");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"{watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Analyses_hundreds_of_articles_per_second_on_one_thread()
    {
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Analysis", "Fixtures", "us-ukraine-security-guarantees.txt"));
        string article = string.Concat(Enumerable.Repeat(text + "\n", 3))[..3000];
        var analyzer = new OfflineTextAnalyzer();
        var documents = Enumerable.Range(0, 300).Select(i => new AnalysisDocument(i.ToString(), article, null)).ToList();
        foreach (var d in documents.Take(30)) analyzer.Analyze(d);

        var watch = Stopwatch.StartNew();
        foreach (var d in documents) analyzer.Analyze(d);
        double perSecond = documents.Count / watch.Elapsed.TotalSeconds;
        output.WriteLine($"{perSecond:F0} articles of 3,000 characters per second");
        Assert.True(perSecond >= 150, $"{perSecond:F0} articles/s");
    }
}
