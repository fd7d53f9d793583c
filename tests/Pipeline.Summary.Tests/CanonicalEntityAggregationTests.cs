using System.Text.Json;

namespace Pipeline.Summary.Tests;

/// <summary>Entities counted by canonical id: one row per entity, with the forms it was seen as, subtracted exactly on revision and retraction.</summary>
public class CanonicalEntityAggregationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 4, 0, 0, TimeSpan.Zero);
    private static readonly CanonicalEntity UnitedStates = new("iso3166:US", "United States", "iso3166");
    private static readonly CanonicalEntity Esa = new("org:esa", "European Space Agency", "aliases");
    private readonly SummaryAggregator _aggregator = new(new SummaryOptions());

    /// <summary>The contribution of an article whose entities are <paramref name="mentions"/> (surface text, category, canonical).</summary>
    private static ArticleContribution Contribution(string id, double score, params (string Text, string Category, CanonicalEntity? Canonical)[] mentions) =>
        ArticleContribution.From(new EnrichedArticle
        {
            ArticleId = id,
            ContentHash = "sha256:" + id + score.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Source = new ArticleSource { Container = "articles", Name = id + ".txt", ETag = "\"1\"", LastModified = Now, Format = "txt" },
            Title = "Title " + id,
            Language = new DetectedLanguage("en", "English", 1),
            IngestedAt = Now,
            Text = string.Join(' ', mentions.Select(m => m.Text)),
            Statistics = new TextStatistics(1, 1, 1, 1, 1, 1, mentions.Length),
            Sentiment = new ArticleSentiment(score > 0 ? SentimentLabel.Positive : SentimentLabel.Negative,
                new SentimentScores(Math.Max(score, 0), 1 - Math.Abs(score), Math.Max(-score, 0)), []),
            Entities = mentions.Select(m => new EntityMention(m.Text, m.Category, null, 0, m.Text.Length, 0.9, m.Canonical)).ToList(),
            KeyPhrases = [],
            Analyzer = new AnalyzerStamp("offline", "test", 0),
        });

    [Fact]
    public void A_contribution_has_one_entity_per_canonical_id_named_by_the_canonical_name_with_the_forms_used()
    {
        var contribution = Contribution("a", 0.5, ("US", "Location", UnitedStates), ("United States", "Location", UnitedStates), ("us", "Location", UnitedStates), ("ESA", "Organization", Esa));

        var us = contribution.Entities.Single(e => e.Category == "Location");
        Assert.Equal(("United States", 3, "iso3166:US"), (us.Text, us.Mentions, us.Id));
        Assert.Equal(["US", "United States"], us.Aliases!);
        Assert.Equal(("European Space Agency", 1), (contribution.Entities.Single(e => e.Category == "Organization").Text, contribution.Entities.Single(e => e.Category == "Organization").Mentions));
    }

    [Fact]
    public void The_summary_has_one_row_per_canonical_entity_with_its_aliases_in_most_articles_first()
    {
        var state = new SummaryState();
        _aggregator.Add(state, Contribution("a", 0.6, ("US", "Location", UnitedStates), ("US", "Location", UnitedStates)));
        _aggregator.Add(state, Contribution("b", -0.2, ("United States", "Location", UnitedStates), ("US", "Location", UnitedStates)));
        _aggregator.Add(state, Contribution("c", 0.2, ("États-Unis", "Location", UnitedStates)));

        var row = Assert.Single(_aggregator.Render(state, Now).TopEntities["Location"]);

        Assert.Equal(("United States", "iso3166:US", 5, 3, 0.2), (row.Text, row.Id, row.Mentions, row.Articles, row.AverageSentiment));
        Assert.Equal(["US", "United States", "États-Unis"], row.Aliases!);
    }

    [Fact]
    public void A_revision_subtracts_the_old_revisions_canonical_rows_and_aliases_exactly()
    {
        var state = new SummaryState();
        var other = Contribution("b", 0.4, ("United States", "Location", UnitedStates));
        var first = Contribution("a", 0.8, ("US", "Location", UnitedStates), ("ESA", "Organization", Esa));
        _aggregator.Add(state, other);
        _aggregator.Add(state, first);

        _aggregator.Remove(state, first);
        _aggregator.Add(state, Contribution("a", -0.4, ("America", "Location", UnitedStates), ("America", "Location", UnitedStates)));
        var summary = _aggregator.Render(state, Now);

        var row = Assert.Single(summary.TopEntities["Location"]);
        Assert.Equal((3, 2, 0.0), (row.Mentions, row.Articles, row.AverageSentiment));
        Assert.Equal(["America", "United States"], row.Aliases!);
        Assert.False(summary.TopEntities.ContainsKey("Organization"));
    }

    [Fact]
    public void A_retraction_leaves_the_entities_as_they_were_before_the_article()
    {
        var state = new SummaryState();
        _aggregator.Add(state, Contribution("b", 0.4, ("United States", "Location", UnitedStates), ("ESA", "Organization", Esa)));
        string before = JsonSerializer.Serialize(state.Entities);
        var retracted = Contribution("a", -0.6, ("US", "Location", UnitedStates), ("European Space Agency", "Organization", Esa), ("Lindqvist", "Person", new CanonicalEntity("person:lindqvist", "Lindqvist", "text")));

        _aggregator.Add(state, retracted);
        _aggregator.Remove(state, retracted);

        Assert.Equal(before, JsonSerializer.Serialize(state.Entities));
        Assert.Equal(["United States"], _aggregator.Render(state, Now).TopEntities["Location"][0].Aliases!);
    }

    [Fact]
    public void A_contribution_recorded_before_linking_is_keyed_by_its_text_and_subtracted_from_that_row()
    {
        var state = new SummaryState();
        var unlinked = Contribution("old", 0.2, ("US", "Location", null));
        _aggregator.Add(state, unlinked);
        _aggregator.Add(state, Contribution("new", 0.2, ("US", "Location", UnitedStates)));

        Assert.Equal(2, _aggregator.Render(state, Now).TopEntities["Location"].Count);
        _aggregator.Remove(state, unlinked);

        var row = Assert.Single(_aggregator.Render(state, Now).TopEntities["Location"]);
        Assert.Equal(("iso3166:US", 1), (row.Id, row.Articles));
    }

    [Fact]
    public void Aliases_are_capped_while_the_counts_stay_exact()
    {
        var aggregator = new SummaryAggregator(new SummaryOptions { MaxAliasesPerEntity = 2 });
        var state = new SummaryState();
        foreach (var (id, form) in new[] { ("a", "US"), ("b", "USA"), ("c", "America") })
            aggregator.Add(state, Contribution(id, 0.1, (form, "Location", UnitedStates)));

        var row = Assert.Single(aggregator.Render(state, Now).TopEntities["Location"]);

        Assert.Equal((3, 3), (row.Mentions, row.Articles));
        Assert.Equal(["US", "USA"], row.Aliases!);
    }
}
