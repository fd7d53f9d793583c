using System.Text;
using Microsoft.Extensions.Options;
using Pipeline.Analysis;
using Pipeline.Analysis.Offline;
using Pipeline.Ingestion.Enrichment;
using Pipeline.Ingestion.Parsing;

namespace Pipeline.Ingestion.Tests.Enrichment;

/// <summary>One article's own computation runs under a budget: past it the article is TooComplex and the worker is free.</summary>
public sealed class ComputeBudgetTests : IDisposable
{
    private static readonly BlobSnapshot Blob = new("articles", "budget/story.txt", "\"0x1\"", DateTimeOffset.UnixEpoch);
    private static readonly byte[] Story = Encoding.UTF8.GetBytes("Budget talks\n\nNegotiators in Geneva met on Monday. The talks were productive.");

    /// <summary>Holds the analysis until released; it may or may not watch its token, as a real stage may or may not.</summary>
    private sealed class StallingAnalyzer(bool computesLocally, bool watchesToken) : ITextAnalyzer
    {
        public ManualResetEventSlim Release { get; } = new();
        public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public AnalyzerInfo Info { get; } = new("stalling", "1", computesLocally);

        /// <summary>
        /// A local analyzer computes on the thread that calls it; a remote one waits for the service without holding that
        /// thread, which may be the test's own when the parse before the call completes synchronously.
        /// </summary>
        public async Task<IReadOnlyList<DocumentAnalysis>> AnalyzeAsync(IReadOnlyList<AnalysisDocument> documents, CancellationToken cancellationToken)
        {
            using var registration = cancellationToken.Register(() => Cancelled.TrySetResult());
            var token = watchesToken ? cancellationToken : CancellationToken.None;
            if (computesLocally)
                Release.Wait(token);
            else
                await Task.Run(() => Release.Wait(token), CancellationToken.None).ConfigureAwait(false);
            return await new OfflineTextAnalyzer().AnalyzeAsync(documents, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private readonly List<StallingAnalyzer> _analyzers = [];

    /// <summary>The parser's first use (JIT, its tables) must not spend the small budgets these tests give.</summary>
    public ComputeBudgetTests() => ArticleParser.Parse(Blob.Name, Story);

    private StallingAnalyzer Analyzer(bool computesLocally, bool watchesToken)
    {
        var analyzer = new StallingAnalyzer(computesLocally, watchesToken);
        _analyzers.Add(analyzer);
        return analyzer;
    }

    private static ArticleEnricher Enricher(ITextAnalyzer analyzer, TimeSpan budget) =>
        new(new ChunkedTextAnalysis(analyzer), Options.Create(new EnrichmentOptions { ComputeBudget = budget }), TimeProvider.System);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_local_analysis_past_the_budget_rejects_the_article_as_TooComplex_naming_the_stage_while_it_still_runs(bool watchesToken)
    {
        var analyzer = Analyzer(computesLocally: true, watchesToken);

        var rejected = await Assert.ThrowsAsync<ArticleRejectedException>(() => Enricher(analyzer, TimeSpan.FromSeconds(1)).EnrichAsync(Blob, Story, CancellationToken.None));

        Assert.Equal((RejectionReason.TooComplex, "analyze"), (rejected.Reason, rejected.Detail));
        Assert.Contains("compute budget of 1 s", rejected.Message, StringComparison.Ordinal);
        // The worker was given back while the analysis was still held: it never depended on the stage ending.
        Assert.False(analyzer.Release.IsSet);
        // And the stage was told to stop, which the analyzers check between chunks.
        await analyzer.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_remote_analyzer_waiting_longer_than_the_budget_is_not_cut_off()
    {
        var analyzer = Analyzer(computesLocally: false, watchesToken: true);
        var enriching = Enricher(analyzer, TimeSpan.FromMilliseconds(300)).EnrichAsync(Blob, Story, CancellationToken.None);

        // Three budgets' worth of waiting for the service, then its answer.
        await Task.WhenAny(enriching, Task.Delay(TimeSpan.FromMilliseconds(900)));
        Assert.False(enriching.IsCompleted);
        analyzer.Release.Set();

        var article = await enriching;
        Assert.Equal("Budget talks", article.Title);
        Assert.False(analyzer.Cancelled.Task.IsCompleted);
    }

    [Fact]
    public async Task A_caller_cancelling_is_a_cancellation_not_a_rejection()
    {
        var analyzer = Analyzer(computesLocally: true, watchesToken: true);
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Enricher(analyzer, TimeSpan.FromMinutes(1)).EnrichAsync(Blob, Story, stop.Token));
    }

    public void Dispose()
    {
        foreach (var analyzer in _analyzers)
            analyzer.Release.Set();
    }
}
