using System.Globalization;
using System.Text;
using Pipeline.Ingestion.Enrichment;
using Pipeline.Local.Emulator;
using Pipeline.Testing;
using static Pipeline.Analysis.AzureLanguage.Tests.ScriptedLanguageService;

namespace Pipeline.Analysis.AzureLanguage.Tests;

/// <summary>Articles analysed at the same time share requests, within each kind's limits, and never each other's failures.</summary>
public class BatchingTests
{
    /// <summary>Long enough that every article of a test has handed in its documents before the first partial request goes.</summary>
    private static readonly Dictionary<string, string?> Linger = new() { ["BatchLinger"] = "00:00:00.100" };

    private static AnalysisDocument Article(int i, string? language = "en") => new($"article-{i}", $"Article {i} reports from Kyiv.", language);

    private static Task<IReadOnlyList<DocumentAnalysis>[]> AnalyzeTogetherAsync(AzureLanguageTextAnalyzer analyzer, int articles, string? language = "en") =>
        Task.WhenAll(Enumerable.Range(0, articles).Select(i => analyzer.AnalyzeAsync([Article(i, language)], CancellationToken.None)));

    /// <summary>Three articles analysed together, the second of them at fault: it alone is rejected, the others analysed.</summary>
    private static async Task OnlyTheSecondOfThreeArticlesIsRejectedAsync(AzureLanguageTextAnalyzer analyzer)
    {
        var attempts = Enumerable.Range(0, 3).Select(i => analyzer.AnalyzeAsync([Article(i)], CancellationToken.None)).ToList();
        var rejected = await Assert.ThrowsAsync<AnalysisRejectedException>(() => attempts[1]);

        Assert.Equal("InvalidDocument", rejected.Code);
        Assert.Single(Assert.Single(await attempts[0]).Entities);
        Assert.Single(Assert.Single(await attempts[2]).Entities);
    }

    private static List<int> BatchSizes(ScriptedLanguageService service, string kind) =>
        service.Requests.Where(r => r.Kind == kind).Select(r => r.Documents.Count).Order().ToList();

    [Fact]
    public async Task Articles_in_flight_together_share_one_request_per_kind_and_each_gets_its_own_results()
    {
        await using var service = await StartAsync((r, _) => Ok(r));
        await using var provider = LanguageClients.Build(service.Endpoint, Linger);

        var results = await AnalyzeTogetherAsync(provider.Analyzer(), 3, language: null);

        Assert.Equal(["EntityLinking", "EntityRecognition", "KeyPhraseExtraction", "LanguageDetection", "SentimentAnalysis"], service.Requests.Select(r => r.Kind).Order());
        Assert.All(service.Requests, r => Assert.Equal(3, r.Documents.Count));
        for (int i = 0; i < 3; i++)
        {
            var analysis = Assert.Single(results[i]);
            Assert.Equal($"article-{i}", analysis.Id);
            // Each article's own text came back to it: its entity sits where "Kyiv" is in its own text.
            Assert.Equal(new EntityMention("Kyiv", "Location", "GPE", Article(i).Text.IndexOf("Kyiv", StringComparison.Ordinal), 4, 0.98,
                new CanonicalEntity("wikipedia:Kyiv", "Kyiv", "wikipedia")), Assert.Single(analysis.Entities));
            Assert.Equal(5, analysis.TextRecords);
        }
    }

    [Theory]
    [InlineData("EntityRecognition", 5)]
    [InlineData("EntityLinking", 5)]
    [InlineData("SentimentAnalysis", 10)]
    [InlineData("KeyPhraseExtraction", 10)]
    public async Task Documents_from_many_articles_are_split_at_the_kinds_documents_per_request(string kind, int limit)
    {
        await using var service = await StartAsync((r, _) => Ok(r));
        await using var provider = LanguageClients.Build(service.Endpoint, Linger);

        var results = await AnalyzeTogetherAsync(provider.Analyzer(), 2 * limit + 1);

        Assert.Equal([1, limit, limit], BatchSizes(service, kind));
        Assert.All(results, r => Assert.Single(Assert.Single(r).Entities));
    }

    [Fact]
    public async Task Language_detection_is_split_at_a_thousand_documents()
    {
        await using var service = await StartAsync((r, _) => Ok(r));
        await using var provider = LanguageClients.Build(service.Endpoint, Linger);

        await AnalyzeTogetherAsync(provider.Analyzer(), 1001, language: null);

        Assert.Equal([1, 1000], BatchSizes(service, "LanguageDetection"));
        Assert.Equal(Enumerable.Repeat(5, 200).Prepend(1), BatchSizes(service, "EntityRecognition"));
    }

    [Fact]
    public async Task A_per_document_error_rejects_only_the_article_it_belongs_to()
    {
        await using var service = await StartAsync((r, _) =>
        {
            int culprit = r.Documents.Select((d, i) => (Text: (string)d!["text"]!, i)).FirstOrDefault(d => d.Text.Contains("Article 1 ", StringComparison.Ordinal)).i;
            return r.Kind == "EntityRecognition" ? WithDocumentError(r, culprit.ToString(CultureInfo.InvariantCulture), "InvalidDocument", "Document text is invalid.") : Ok(r);
        });
        await using var provider = LanguageClients.Build(service.Endpoint, Linger);
        await OnlyTheSecondOfThreeArticlesIsRejectedAsync(provider.Analyzer());
        Assert.Equal([3], BatchSizes(service, "EntityRecognition"));
    }

    [Fact]
    public async Task A_request_level_rejection_of_a_shared_batch_is_narrowed_to_the_article_at_fault()
    {
        await using var service = await StartAsync((r, _) => r.Documents.Any(d => ((string)d!["text"]!).Contains("Article 1 ", StringComparison.Ordinal))
            ? Error(400, "InvalidRequest", "Invalid document in request.", "InvalidDocument", "Document text is invalid.")
            : Ok(r));
        await using var provider = LanguageClients.Build(service.Endpoint, Linger);
        await OnlyTheSecondOfThreeArticlesIsRejectedAsync(provider.Analyzer());
        // Each kind: the shared request of three, then each article's part alone. The article at fault fails on its first
        // kind's verdict, while its parts of the other kinds may still be on their way to theirs.
        string[] kinds = ["EntityRecognition", "SentimentAnalysis", "KeyPhraseExtraction", "EntityLinking"];
        await Eventually.ReturnsAsync(() => Task.FromResult(service.Requests.Count), n => n >= 4 * kinds.Length, TimeSpan.FromSeconds(10), "every part to be answered");
        foreach (string kind in kinds)
            Assert.Equal([1, 1, 1, 3], BatchSizes(service, kind));
    }

    [Fact]
    public async Task An_article_that_gives_up_while_waiting_for_a_request_leaves_its_batch_mates_to_go_without_it()
    {
        await using var service = await StartAsync((r, _) => Ok(r));
        // One request a second, burst of one: the second request waits about a second for its permit.
        await using var provider = LanguageClients.Build(service.Endpoint, new Dictionary<string, string?> { ["RequestsPerMinute"] = "60" });
        var analyzer = provider.Analyzer();
        using var giveUp = new CancellationTokenSource();

        var first = analyzer.AnalyzeAsync([Article(0)], CancellationToken.None);
        await Eventually.ReturnsAsync(() => Task.FromResult(service.Requests.Count), n => n == 1, TimeSpan.FromSeconds(10), "the first request");
        var abandoned = analyzer.AnalyzeAsync([Article(1)], giveUp.Token);
        var kept = analyzer.AnalyzeAsync([Article(2)], CancellationToken.None);
        await giveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        Assert.Single(Assert.Single(await kept).Entities);
        Assert.Single(Assert.Single(await first).Entities);
        Assert.DoesNotContain(service.Requests.SelectMany(r => r.Documents), d => ((string)d!["text"]!).Contains("Article 1 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Batching_changes_calls_not_the_text_records_billed()
    {
        // Articles of 1 to 3 chunks and uneven lengths, so records per document differ.
        var articles = Enumerable.Range(0, 12).Select(i =>
        {
            var text = new StringBuilder();
            while (text.Length < 700 + i * 1100)
                text.Append(CultureInfo.InvariantCulture, $"Talks {i} in Berlin went well on day {text.Length}. ");
            return text.ToString();
        }).ToList();

        async Task<(int[] Records, LanguageEmulatorStats Stats)> RunAsync(bool together)
        {
            await using var emulator = await LanguageEmulator.StartAsync(new LanguageEmulatorOptions { Key = LanguageClients.Key });
            await using var provider = LanguageClients.Build(emulator.BaseAddress, Linger);
            var analysis = new ChunkedTextAnalysis(provider.Analyzer());
            var records = new int[articles.Count];
            if (together)
                await Task.WhenAll(articles.Select(async (text, i) => records[i] = (await analysis.AnalyzeAsync(text, null, CancellationToken.None)).TextRecords));
            else
                for (int i = 0; i < articles.Count; i++)
                    records[i] = (await analysis.AnalyzeAsync(articles[i], null, CancellationToken.None)).TextRecords;
            return (records, emulator.Stats);
        }

        var alone = await RunAsync(together: false);
        var together = await RunAsync(together: true);

        Assert.Equal(alone.Records, together.Records);
        Assert.Equal(alone.Stats.TextRecords, together.Stats.TextRecords);
        Assert.Equal(alone.Records.Sum(), together.Stats.TextRecords);
        Assert.Equal(60, alone.Stats.Requests); // five kinds per article
        Assert.True(together.Stats.Requests <= 20, $"{together.Stats.Requests} requests together");
    }
}
