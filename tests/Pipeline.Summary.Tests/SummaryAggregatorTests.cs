
namespace Pipeline.Summary.Tests;

public class SummaryAggregatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 18, 30, 0, TimeSpan.Zero);
    private readonly SummaryAggregator _aggregator = new(new SummaryOptions { LatestArticles = 3, TopEntitiesPerCategory = 2 });

    private static ArticleContribution Article(string id, SentimentLabel sentiment, double score, DateTimeOffset ingested, params (string Category, string Text, int Mentions)[] entities) =>
        TestContributions.Article(id, ingested, sentiment, score, entities.Select(e => new EntityCount(e.Category, e.Text, e.Mentions)).ToList());

    [Fact]
    public void Adding_articles_counts_sentiment_entities_and_hours()
    {
        var state = new SummaryState();
        _aggregator.Add(state, Article("a", SentimentLabel.Positive, 0.8, Now, ("Location", "Ukraine", 3), ("Person", "Zelensky", 1)));
        _aggregator.Add(state, Article("b", SentimentLabel.Negative, -0.6, Now.AddHours(-2), ("Location", "ukraine", 1)));
        _aggregator.Add(state, Article("c", SentimentLabel.Mixed, 0.1, Now.AddHours(-50), ("Location", "Russia", 2)));

        var summary = _aggregator.Render(state, Now);

        Assert.Equal(3, summary.ArticleCount);
        Assert.Equal(new SentimentDistribution(1, 0, 1, 1), summary.Sentiment);
        Assert.Equal(0.1, summary.AverageSentiment, 4);
        var ukraine = summary.TopEntities["Location"][0];
        Assert.Equal(("Ukraine", 4, 2, 0.1), (ukraine.Text, ukraine.Mentions, ukraine.Articles, ukraine.AverageSentiment));
        Assert.Equal(48, summary.Hourly.Count);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 18, 0, 0, TimeSpan.Zero), summary.Hourly[^1].Hour);
        Assert.Equal(1, summary.Hourly[^1].Articles);
        Assert.Equal(1, summary.Hourly[^3].Sentiment.Negative);
        Assert.Equal(2, summary.Hourly.Sum(h => h.Articles)); // "c" is older than the 48-hour window
        Assert.Equal(["a", "b", "c"], summary.LatestArticles.Select(a => a.ArticleId));
    }

    [Fact]
    public void Removing_a_revision_undoes_exactly_what_adding_it_did()
    {
        var state = new SummaryState();
        var first = Article("a", SentimentLabel.Positive, 0.8, Now, ("Location", "Ukraine", 3));
        _aggregator.Add(state, Article("b", SentimentLabel.Neutral, 0, Now, ("Location", "Ukraine", 1)));
        _aggregator.Add(state, first);

        _aggregator.Remove(state, first);
        _aggregator.Add(state, first with { ContentHash = "sha256:a2", Sentiment = SentimentLabel.Negative, SentimentScore = -0.5, Entities = [new EntityCount("Person", "Putin", 2)] });
        var summary = _aggregator.Render(state, Now);

        Assert.Equal(2, summary.ArticleCount);
        Assert.Equal(new SentimentDistribution(0, 1, 1, 0), summary.Sentiment);
        Assert.Equal((1, 1), (summary.TopEntities["Location"][0].Mentions, summary.TopEntities["Location"][0].Articles));
        Assert.Equal("Putin", summary.TopEntities["Person"][0].Text);
        Assert.Equal(2, summary.LatestArticles.Count);
        Assert.Equal(SentimentLabel.Negative, summary.LatestArticles.Single(a => a.ArticleId == "a").Sentiment);
    }

    [Fact]
    public void Latest_articles_and_top_entities_are_bounded_and_ordered()
    {
        var state = new SummaryState();
        for (int i = 0; i < 5; i++)
            _aggregator.Add(state, Article($"n{i}", SentimentLabel.Neutral, 0, Now.AddMinutes(i), ("Organization", $"Org{i}", 1), ("Organization", "NATO", 1)));

        var summary = _aggregator.Render(state, Now.AddMinutes(10));

        Assert.Equal(["n4", "n3", "n2"], summary.LatestArticles.Select(a => a.ArticleId));
        Assert.Equal(2, summary.TopEntities["Organization"].Count);
        Assert.Equal(("NATO", 5), (summary.TopEntities["Organization"][0].Text, summary.TopEntities["Organization"][0].Articles));
    }

    [Fact]
    public void Trim_drops_old_hours_and_the_least_seen_entities_past_the_cap()
    {
        var aggregator = new SummaryAggregator(new SummaryOptions { MaxTrackedEntities = 100 });
        var state = new SummaryState();
        aggregator.Add(state, Article("old", SentimentLabel.Neutral, 0, Now.AddDays(-8)));
        for (int i = 0; i < 120; i++)
            aggregator.Add(state, Article($"e{i}", SentimentLabel.Neutral, 0, Now, [("Person", $"P{i}", 1), ("Person", "Common", 1)]));

        aggregator.Trim(state, Now);

        Assert.Single(state.Hours);
        Assert.Equal(90, state.Entities.Count);
        Assert.True(state.Entities.ContainsKey("Person|common"));
    }
}
