using System.Text.Json;
using Pipeline.Analysis.Offline;
using Pipeline.Ingestion.Enrichment;
using Pipeline.Summary;
using Pipeline.Testing;

namespace Pipeline.Contracts.Tests.Schemas;

/// <summary>Real enriched documents and summaries, made from the seeds by the offline analyzer, against the published schemas.</summary>
public class EnrichedArticleContractTests
{
    private static readonly ArticleEnricher Enricher = new(new ChunkedTextAnalysis(new OfflineTextAnalyzer()), Microsoft.Extensions.Options.Options.Create(new EnrichmentOptions()), TimeProvider.System);

    public static TheoryData<string> Seeds() => new(RepositoryFiles.GoodSeedFiles().Select(Path.GetFileName)!);

    private static Task<EnrichedArticle> EnrichAsync(string name) =>
        Enricher.EnrichAsync(new BlobSnapshot("articles", name, "\"0x8DC\"", DateTimeOffset.UtcNow), File.ReadAllBytes(Path.Combine(RepositoryFiles.Seeds, name)), CancellationToken.None);

    /// <summary>The summary of every good seed, enriched now by the offline analyzer.</summary>
    private static async Task<SummaryDocument> SeedsSummaryAsync(SummaryOptions options)
    {
        var aggregator = new SummaryAggregator(options);
        var state = new SummaryState();
        foreach (string name in RepositoryFiles.GoodSeedFiles().Select(f => Path.GetFileName(f)))
            aggregator.Add(state, ArticleContribution.From(await EnrichAsync(name)));
        return aggregator.Render(state, DateTimeOffset.UtcNow);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Every_seed_enriches_to_a_document_valid_against_the_v1_schema(string name)
    {
        var article = await EnrichAsync(name);

        SchemaAssert.ValidEnrichedArticle(JsonSerializer.Serialize(article, PipelineJson.Default.EnrichedArticle));
        Assert.All(article.Entities, e => Assert.Equal(e.Text, article.Text.Substring(e.Offset, e.Length)));
        Assert.All(article.Sentiment.Sentences, s => Assert.InRange(s.Offset + s.Length, 1, article.Text.Length));
        var scores = article.Sentiment.ConfidenceScores;
        Assert.Equal(1.0, scores.Positive + scores.Neutral + scores.Negative, 6);
        Assert.Equal(ArticleIdentity.ArticleId("articles", name), article.ArticleId);
    }

    [Fact]
    public async Task The_long_seed_is_analysed_in_chunks_with_offsets_on_the_whole_article()
    {
        var article = await EnrichAsync("science-mekong-delta-sinking-study.txt");

        Assert.Equal(3, article.Statistics.Chunks);
        Assert.Contains(article.Entities, e => e.Offset > 10_000);
        Assert.All(article.Entities, e => Assert.Equal(e.Text, article.Text.Substring(e.Offset, e.Length)));
    }

    [Fact]
    public async Task The_sample_article_carries_the_ten_required_entities()
    {
        var article = await EnrichAsync("us-ukraine-security-guarantees.txt");
        var found = article.Entities.Select(e => (e.Text, e.Category)).ToHashSet();

        foreach (var expected in new[]
                 {
                     ("United States", "Location"), ("Ukraine", "Location"), ("NATO", "Organization"), ("Russia", "Location"), ("CNN", "Organization"),
                     ("Zelensky", "Person"), ("Donetsk", "Location"), ("Luhansk", "Location"), ("Europe", "Location"), ("envoy", "PersonType"),
                 })
            Assert.Contains(expected, found);
        Assert.Equal("en", article.Language.Iso6391Name);
    }

    [Fact]
    public async Task A_summary_rendered_from_the_seeds_is_valid_against_the_v1_schema()
    {
        var summary = await SeedsSummaryAsync(new SummaryOptions());

        SchemaAssert.ValidSummary(JsonSerializer.Serialize(summary, PipelineJson.Default.SummaryDocument));
        Assert.Equal(RepositoryFiles.GoodSeedFiles().Count, summary.ArticleCount);
        var locations = summary.TopEntities["Location"];
        Assert.Equal(10, locations.Count);
        Assert.Equal(locations.OrderByDescending(l => l.Articles).Select(l => l.Articles), locations.Select(l => l.Articles));
        Assert.Contains(locations, l => l.Text == "Europe" && l.Articles >= 3);
    }

    [Fact]
    public async Task The_seeds_summary_carries_trends_languages_and_publishers_valid_against_the_v1_schema()
    {
        var summary = await SeedsSummaryAsync(new SummaryOptions());
        string json = JsonSerializer.Serialize(summary, PipelineJson.Default.SummaryDocument);

        SchemaAssert.ValidSummary(json);
        // Every seed is ingested this hour and nothing before: an entity in 3 or more of them is new, so it trends.
        Assert.NotEmpty(summary.Trending!);
        Assert.All(summary.Trending!, t => Assert.True(t.RecentArticles >= 3));
        Assert.Equal(summary.ArticleCount, summary.Languages!.Values.Sum(l => l.Articles));
        Assert.Equal(summary.ArticleCount, summary.Publishers!.Values.Sum(p => p.Articles));
        Assert.All(summary.TopEntities.Values.SelectMany(e => e), e => Assert.Equal(e.Mentions, e.HourlyMentions!.Sum()));
    }

    [Fact]
    public async Task The_seeds_summary_counts_one_row_per_canonical_entity_whatever_the_spelling()
    {
        var summary = await SeedsSummaryAsync(new SummaryOptions { TopEntitiesPerCategory = 100 });
        var rows = summary.TopEntities.SelectMany(c => c.Value.Select(e => (Category: c.Key, Entity: e))).ToList();

        Assert.All(rows, r => Assert.NotNull(r.Entity.Id));
        Assert.Equal(rows.Count, rows.Select(r => (r.Category, r.Entity.Id)).Distinct().Count());
        var unitedStates = rows.Single(r => r.Entity.Id == "iso3166:US").Entity;
        Assert.Equal("United States", unitedStates.Text);
        Assert.Contains("US", unitedStates.Aliases!);
        Assert.True(unitedStates.Articles >= 3);
        var esa = rows.Single(r => r.Entity.Id == "org:esa").Entity;
        Assert.Equal("European Space Agency", esa.Text);
        Assert.Contains("ESA", esa.Aliases!);
        Assert.Equal("Netherlands", rows.Single(r => r.Entity.Id == "iso3166:NL").Entity.Text);
        Assert.DoesNotContain(rows, r => r.Entity.Text is "US" or "ESA" or "the Netherlands");
    }

    [Fact]
    public async Task The_sample_article_links_its_country_spellings_and_surname_to_canonical_entities()
    {
        var article = await EnrichAsync("us-ukraine-security-guarantees.txt");

        Assert.All(article.Entities.Where(e => e.Text is "United States" or "US" or "U.S."), e => Assert.Equal("iso3166:US", e.Canonical?.Id));
        Assert.Equal("org:nato", article.Entities.First(e => e.Text == "NATO").Canonical?.Id);
        Assert.All(article.Entities.Where(e => e.Category == "DateTime"), e => Assert.Null(e.Canonical));
    }
}
