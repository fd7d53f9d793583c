namespace Pipeline.Summary.Tests;

/// <summary>The drill-down's search and details over a folded state.</summary>
public class EntityIndexTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 20, 0, TimeSpan.Zero);
    private static readonly SummaryAggregator Aggregator = new(new SummaryOptions());

    private static ArticleContribution Article(string id, DateTimeOffset ingested, double score, params (string Category, string Id, string Name, string[] Aliases)[] entities) =>
        TestContributions.Article(id.PadLeft(32, '0'), ingested, SentimentLabel.Neutral, score, entities.Select(e => new EntityCount(e.Category, e.Name, 1, e.Id, e.Aliases)).ToList());

    private static EntityIndex Index()
    {
        var state = new SummaryState { UpdatedAt = Now };
        Aggregator.Add(state, Article("1", Now.AddHours(-3), 0.4, ("Location", "location:malmo", "Malmö", ["Malmö"]), ("Organization", "org:esa", "European Space Agency", ["ESA"])));
        Aggregator.Add(state, Article("2", Now, -0.2, ("Location", "location:malmo", "Malmö", ["MALMO"]), ("Location", "iso3166:US", "United States", ["US", "États-Unis"]), ("Organization", "org:esa", "European Space Agency", ["Agence spatiale européenne"])));
        Aggregator.Add(state, Article("3", Now, 0, ("Location", "iso3166:US", "United States", ["US"]), ("Person", "person:esa-lindqvist", "Esa Lindqvist", ["Esa Lindqvist"])));
        Aggregator.Add(state, Article("4", Now, 0, ("Organization", "iso3166:US", "United States", ["US"])));
        return new EntityIndex(state, Aggregator);
    }

    [Fact]
    public void Search_ignores_case_and_accents_and_finds_names_and_surface_forms()
    {
        var index = Index();

        Assert.Equal(["location:malmo"], index.Search("MALMÖ", null, 20).Entities.Select(e => e.Id));
        Assert.Equal(["location:malmo"], index.Search("malmo", "Location", 20).Entities.Select(e => e.Id));
        Assert.Equal(["iso3166:US"], index.Search("etats", "Location", 20).Entities.Select(e => e.Id));
        Assert.Empty(index.Search("malmo", "Person", 20).Entities);
    }

    [Fact]
    public void Search_ranks_word_starts_before_substrings_then_by_articles_and_is_bounded()
    {
        var index = Index();

        var esa = index.Search("esa", null, 20);
        Assert.Equal(["org:esa", "person:esa-lindqvist"], esa.Entities.Select(e => e.Id)); // both start with it; ESA is in more articles
        Assert.Equal(["org:esa"], index.Search("space", null, 20).Entities.Select(e => e.Id)); // a word of the name
        Assert.Equal("Location", index.Search("tats", null, 20).Entities.Single().Category); // inside a word
        var all = index.Search("", null, 2);
        Assert.Equal((5, 2), (all.Total, all.Entities.Count));
    }

    [Fact]
    public void An_entity_has_its_hours_articles_related_entities_and_other_categories()
    {
        var detail = Index().Find("iso3166:US", null)!;

        Assert.Equal(("Location", "United States", 2, 2), (detail.Category, detail.Name, detail.Articles, detail.Mentions));
        Assert.Equal(["Organization"], detail.OtherCategories);
        Assert.Equal(48, detail.Hourly.Count);
        Assert.Equal((Now.AddMinutes(-20), 2, -0.1), (detail.Hourly[^1].Hour, detail.Hourly[^1].Articles, detail.Hourly[^1].AverageSentiment));
        Assert.Equal(["2", "3"], detail.RecentArticles.Select(a => a.ArticleId.TrimStart('0'))); // same hour: by id
        Assert.Equal(["location:malmo", "org:esa", "person:esa-lindqvist"], detail.Related.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Null(detail.Trend);

        Assert.Equal("Organization", Index().Find("iso3166:US", "Organization")!.Category);
        Assert.Null(Index().Find("iso3166:US", "Person"));
        Assert.Null(Index().Find("location:nowhere", null));
    }
}
