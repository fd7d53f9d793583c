using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Summary.Tests;

/// <summary>
/// What #17's trends add to the fold (per-entity hours, recent articles, co-occurrence, languages, publishers): added and
/// taken out symmetrically, so applying, revising and retracting ends where a fresh fold of the final set does; and the
/// trending rule on a generated run where one entity spikes.
/// </summary>
public class TrendsAndBreakdownsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 20, 0, TimeSpan.Zero);
    private readonly SummaryAggregator _aggregator = new(new SummaryOptions());

    private static ArticleContribution Article(string id, DateTimeOffset ingested, double score = 0.2, string language = "en", string source = "wire/x.txt", string? publisher = null,
        params (string Category, string Id, int Mentions)[] entities) =>
        TestContributions.Article(id.PadLeft(32, '0'), ingested, score > 0.1 ? SentimentLabel.Positive : score < -0.1 ? SentimentLabel.Negative : SentimentLabel.Neutral, score,
            entities.Select(e => new EntityCount(e.Category, Name(e.Id), e.Mentions, e.Id, [Name(e.Id)])).ToList()) with
        {
            ContentHash = "sha256:" + id + score.ToString(System.Globalization.CultureInfo.InvariantCulture),
            SourceName = source,
            Publisher = publisher,
            Language = language,
        };

    private static string Name(string id) => char.ToUpperInvariant(id[(id.IndexOf(':', StringComparison.Ordinal) + 1)]) + id[(id.IndexOf(':', StringComparison.Ordinal) + 2)..];

    /// <summary>The state as JSON with object keys sorted and numbers rounded, so two states with the same content compare equal.</summary>
    private static string Canonical(SummaryState state)
    {
        static JsonNode? Sort(JsonNode? node) => node switch
        {
            JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sort(p.Value)))),
            JsonArray a => new JsonArray(a.Select(Sort).ToArray()),
            JsonValue v when v.TryGetValue(out double d) => JsonValue.Create(Math.Round(d, 9) + 0.0),
            _ => node?.DeepClone(),
        };
        return Sort(JsonNode.Parse(JsonSerializer.Serialize(state, SummaryJson.Default.SummaryState)))!.ToJsonString();
    }

    private static SummaryState RoundTrip(SummaryState state) =>
        JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(state, SummaryJson.Default.SummaryState), SummaryJson.Default.SummaryState)!;

    [Fact]
    public void Applying_revising_and_retracting_ends_where_a_fresh_fold_of_the_final_set_does()
    {
        var a = Article("a", Now.AddHours(-30), 0.6, "en", "reuters/2026/a.txt", null, ("Location", "location:lisbon", 2), ("Person", "person:ana-costa", 1), ("Organization", "org:nato", 1));
        var b = Article("b", Now.AddHours(-2), -0.4, "de", "dpa/b.txt", "Deutsche Presse-Agentur", ("Location", "location:lisbon", 1), ("Organization", "org:nato", 3));
        var c = Article("c", Now.AddHours(-1), 0.1, "fr", "c.txt", null, ("Person", "person:ana-costa", 2), ("Location", "location:porto", 1));
        var bRevised = Article("b", Now, 0.3, "de", "dpa/b.txt", "Deutsche Presse-Agentur", ("Location", "location:porto", 4), ("Event", "event:summit", 1)) with { ContentHash = "sha256:b2" };
        var d = Article("d", Now, -0.9, "es", "efe/d.txt", null, ("Location", "location:lisbon", 1), ("Event", "event:summit", 2));

        var incremental = new SummaryState();
        foreach (var article in new[] { a, b, c, d }) _aggregator.Add(incremental, article);
        _aggregator.Trim(incremental, Now);
        incremental = RoundTrip(incremental); // the next fold reads the state back from state.json
        _aggregator.Remove(incremental, b); // the revision: the old contribution out, the new one in
        _aggregator.Add(incremental, bRevised);
        _aggregator.Remove(incremental, d); // the retraction
        _aggregator.Trim(incremental, Now);

        var fresh = new SummaryState();
        foreach (var article in new[] { a, c, bRevised }) _aggregator.Add(fresh, article);
        _aggregator.Trim(fresh, Now);
        fresh = RoundTrip(fresh);

        Assert.Equal(Canonical(fresh), Canonical(incremental));
        Assert.Equal(["de", "en", "fr"], incremental.Languages.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["(none)", "Deutsche Presse-Agentur", "reuters"], incremental.Publishers.Keys.Order(StringComparer.Ordinal));
        var porto = incremental.Entities["Location|id:location:porto"];
        Assert.Equal(2, porto.Hours.Count);
        Assert.Equal(["b", "c"], porto.Recent.Select(r => r.ArticleId.TrimStart('0')));
        Assert.Equal(1, porto.Related["Event|id:event:summit"]);
        Assert.False(incremental.Entities.ContainsKey("Location|id:location:lisbon") && incremental.Entities["Location|id:location:lisbon"].Related.ContainsKey("Event|id:event:summit"));
    }

    [Fact]
    public void Adding_then_removing_an_article_leaves_the_state_as_it_was_even_at_the_caps()
    {
        var aggregator = new SummaryAggregator(new SummaryOptions { MaxRecentArticlesPerEntity = 2, MaxRelatedPerEntity = 2 });
        var state = new SummaryState();
        for (int i = 0; i < 6; i++)
            aggregator.Add(state, Article($"p{i}", Now.AddMinutes(-i), 0.1 * i, "en", $"pub{i % 2}/x.txt", null, ("Location", "location:lisbon", 1), ("Person", $"person:p{i}", 1)));
        string before = Canonical(state);
        var extra = Article("x", Now.AddMinutes(-3), -0.5, "pt", "newpub/x.txt", null, ("Location", "location:lisbon", 2), ("Person", "person:new", 1), ("Event", "event:e", 1));

        aggregator.Add(state, extra);
        aggregator.Remove(state, extra);

        Assert.Equal(before, Canonical(state));
    }

    [Fact]
    public void Recent_articles_and_co_occurrences_are_bounded_and_related_counts_stay_lower_bounds()
    {
        var aggregator = new SummaryAggregator(new SummaryOptions { MaxRecentArticlesPerEntity = 3, MaxRelatedPerEntity = 2 });
        var state = new SummaryState();
        for (int i = 0; i < 5; i++)
            aggregator.Add(state, Article($"r{i}", Now.AddMinutes(i), 0, "en", "x.txt", null, ("Location", "location:lisbon", 1), ("Person", $"person:p{i % 3}", 1)));

        var lisbon = state.Entities["Location|id:location:lisbon"];
        Assert.Equal(["r4", "r3", "r2"], lisbon.Recent.Select(r => r.ArticleId.TrimStart('0')));
        Assert.Equal(2, lisbon.Related.Count); // person:p2 arrived while the list was full
        Assert.Equal((2, 2), (lisbon.Related["Person|id:person:p0"], lisbon.Related["Person|id:person:p1"]));
        Assert.Equal(1, state.Entities["Person|id:person:p2"].Related["Location|id:location:lisbon"]);
    }

    [Fact]
    public void A_minor_entity_lists_the_main_entities_of_its_article_and_they_do_not_list_it()
    {
        var state = new SummaryState();
        var entities = Enumerable.Range(0, 12).Select(i => ("Person", $"person:p{i:D2}", 20 - i)).ToArray(); // p00 most mentioned
        _aggregator.Add(state, Article("a", Now, 0, "en", "x.txt", null, entities));

        var minor = state.Entities["Person|id:person:p11"].Related;
        Assert.Equal(10, minor.Count); // p00..p09
        Assert.DoesNotContain("Person|id:person:p10", minor.Keys);
        Assert.Equal(9, state.Entities["Person|id:person:p00"].Related.Count); // p01..p09
    }

    [Fact]
    public void Per_entity_hours_keep_only_the_trend_window_and_a_trimmed_hour_subtracts_nothing()
    {
        var state = new SummaryState();
        var old = Article("old", Now.AddHours(-60), 0.5, "en", "x.txt", null, ("Location", "location:lisbon", 1));
        _aggregator.Add(state, old);
        _aggregator.Add(state, Article("new", Now, 0.5, "en", "x.txt", null, ("Location", "location:lisbon", 1)));

        _aggregator.Trim(state, Now);
        Assert.Equal([EntityTrends.HourNumber(Now)], state.Entities["Location|id:location:lisbon"].Hours.Keys);
        _aggregator.Remove(state, old);

        var lisbon = state.Entities["Location|id:location:lisbon"];
        Assert.Equal((1, 1), (lisbon.Articles, lisbon.Hours.Single().Value.Articles));
    }

    [Fact]
    public void Entity_hours_are_stored_by_hour_number_and_a_state_with_dated_hour_keys_still_reads()
    {
        var state = new SummaryState();
        _aggregator.Add(state, Article("a", Now, 0.25, "en", "x.txt", null, ("Location", "location:lisbon", 2)));
        string json = JsonSerializer.Serialize(state, SummaryJson.Default.SummaryState);
        int number = EntityTrends.HourNumber(Now);
        Assert.Contains($"\"hours\":{{\"{number}\":[2,1,0.25]}}", json, StringComparison.Ordinal);

        var dated = JsonSerializer.Deserialize(json.Replace($"\"{number}\":", "\"2026-12-04T12\":", StringComparison.Ordinal), SummaryJson.Default.SummaryState)!;
        Assert.Equal(number, dated.Entities["Location|id:location:lisbon"].Hours.Single().Key);
        Assert.Equal(Canonical(state), Canonical(dated));
    }

    [Fact]
    public void The_publisher_is_the_named_one_else_the_first_folder_else_none()
    {
        Assert.Equal("Reuters", SummaryAggregator.PublisherOf(Article("a", Now, source: "wire/a.txt", publisher: " Reuters ")));
        Assert.Equal("wire", SummaryAggregator.PublisherOf(Article("a", Now, source: "wire/2026/a.txt")));
        Assert.Equal("(none)", SummaryAggregator.PublisherOf(Article("a", Now, source: "a.txt")));
        Assert.Equal("und", SummaryAggregator.LanguageOf(Article("a", Now, language: "")));
    }

    [Fact]
    public void The_summary_renders_languages_publishers_and_hourly_mentions_per_top_entity()
    {
        var state = new SummaryState();
        _aggregator.Add(state, Article("a", Now, 0.5, "en", "wire/a.txt", null, ("Location", "location:lisbon", 3)));
        _aggregator.Add(state, Article("b", Now.AddHours(-2), -0.5, "pt", "wire/b.txt", null, ("Location", "location:lisbon", 1)));

        var summary = _aggregator.Render(state, Now);

        Assert.Equal(new GroupSummary(2, new SentimentDistribution(1, 0, 1, 0), 0), summary.Publishers!["wire"]);
        Assert.Equal(1, summary.Languages!["pt"].Articles);
        var mentions = summary.TopEntities["Location"][0].HourlyMentions!;
        Assert.Equal(summary.Hourly.Count, mentions.Count);
        Assert.Equal((3, 1, 4), (mentions[^1], mentions[^3], mentions.Sum()));
    }

    /// <summary>
    /// The closing demonstration: 48 hours of steady news, one entity in an article every hour, another in one article
    /// every 8 hours until it spikes to 6 articles in the current hour; one article naming a third entity ten times.
    /// The data begin 48 hours back, so the state holds exactly one baseline window.
    /// </summary>
    [Fact]
    public void A_spiking_entity_trends_and_a_flat_one_a_one_article_burst_and_a_role_do_not()
    {
        var state = new SummaryState();
        int n = 0;
        for (int back = 48; back >= 0; back--)
        {
            var hour = Now.AddHours(-back);
            _aggregator.Add(state, Article($"f{n++}", hour, 0.1, "en", "x.txt", null, ("Location", "location:flatland", 2), ("Organization", "org:steady", 1)));
            if (back > 0 && back % 8 == 0)
                _aggregator.Add(state, Article($"s{n++}", hour, 0.1, "en", "x.txt", null, ("Person", "person:spike", 1)));
        }
        for (int i = 0; i < 6; i++)
            _aggregator.Add(state, Article($"burst{i}", Now.AddMinutes(-i), -0.3, "en", "x.txt", null, ("Person", "person:spike", 2), ("PersonType", "persontype:officials", 1)));
        _aggregator.Add(state, Article("solo", Now, 0.1, "en", "x.txt", null, ("Event", "event:solo", 10)));
        _aggregator.Trim(state, Now);

        var trending = _aggregator.Render(state, Now).Trending!;

        var spike = Assert.Single(trending);
        Assert.Equal(("person:spike", "1h", 6, 12), (spike.Id, spike.Window, spike.RecentArticles, spike.RecentMentions));
        Assert.Equal(6 / (6 / 48.0), spike.Score, 2); // 6 articles this hour over a baseline of one every 8 hours
        var flat = state.Entities["Location|id:location:flatland"];
        Assert.Null(_aggregator.TrendsAt(Now).Evaluate(flat)); // 1 article this hour, 6 in the last 6 hours: its own rate
        Assert.Equal(49, flat.Hours.Count); // the current hour and the 48 before, nothing older
        // A role rises with the same articles, but roles never trend.
        Assert.Null(_aggregator.TrendsAt(Now).Evaluate(state.Entities["PersonType|id:persontype:officials"]));
    }
}
