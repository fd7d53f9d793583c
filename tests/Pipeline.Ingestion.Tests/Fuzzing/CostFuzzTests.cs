using System.Diagnostics;
using System.Text;
using CsCheck;
using Pipeline.Analysis.Offline;
using Pipeline.Ingestion.Enrichment;
using Pipeline.Ingestion.Parsing;
using Xunit.Abstractions;

namespace Pipeline.Ingestion.Tests.Fuzzing;

/// <summary>
/// No input costs more than a stated time per KB through parse, chunk and the offline analyzer: 50 ms plus 5 ms per KB
/// (the slowest input at 16 KB or more measured 2.5 ms per KB in a Debug build on a busy machine, most far less, so a blow-up, not noise, breaks it). Hostile files are mostly one small
/// unit repeated, so the inputs are: a random fragment of text or markup, repeated up to 64 KB, under any extension.
/// </summary>
[Collection(Fuzz.Collection)]
public class CostFuzzTests(ITestOutputHelper output)
{
    private const double FixedMilliseconds = 50, MillisecondsPerKb = 5;

    private static readonly ChunkedTextAnalysis Analysis = new(new OfflineTextAnalyzer());

    private static readonly Gen<(string Extension, string Unit, int Repeats)> RepeatedUnit = Gen.Select(
        Gen.OneOf(".txt", ".md", ".html", ".json"),
        Gen.OneOf(FuzzGen.Text, FuzzGen.Markdown, FuzzGen.Html, FuzzGen.Json).Where(u => u.Length > 0 && Fuzz.IsWellFormedUtf16(u)),
        Gen.Int[10, 4000],
        (extension, unit, repeats) => (extension, unit, Math.Max(1, Math.Min(repeats, 64 * 1024 / unit.Length))));

    [Fact]
    public void No_input_costs_more_than_its_stated_time_per_KB()
    {
        var (largest, slowestPerKb) = (0, 0.0);
        Fuzz.Check(RepeatedUnit, input =>
        {
            byte[] file = Encoding.UTF8.GetBytes(new StringBuilder().Insert(0, input.Unit, input.Repeats).ToString());
            double budget = FixedMilliseconds + MillisecondsPerKb * file.Length / 1024.0;
            // A pause of the machine's making can spoil one measurement; a costly input is costly twice.
            double cost = Cost(input.Extension, file);
            if (cost > budget)
                cost = Math.Min(cost, Cost(input.Extension, file));
            Assert.True(cost <= budget, $"{file.Length:N0} bytes took {cost:F0} ms; the budget is {budget:F0} ms");
            if (file.Length >= 16 * 1024)
                slowestPerKb = Math.Max(slowestPerKb, cost / (file.Length / 1024.0));
            largest = Math.Max(largest, file.Length);
        }, 300, output, input => $"(\"{input.Extension}\", {Fuzz.Literal(input.Unit)} × {input.Repeats})");
        output.WriteLine($"largest input {largest:N0} bytes; slowest at 16 KB or more: {slowestPerKb:F2} ms per KB");
    }

    private static double Cost(string extension, byte[] file)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var article = ArticleParser.Parse("article" + extension, file);
            Analysis.AnalyzeAsync(article.Text, article.Language, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (ArticleRejectedException)
        {
            // Rejected is an outcome like any other; what it cost to get there counts the same.
        }
        return clock.Elapsed.TotalMilliseconds;
    }
}
