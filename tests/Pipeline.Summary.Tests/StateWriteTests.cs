using System.Buffers;
using System.Globalization;
using System.Text;

namespace Pipeline.Summary.Tests;

/// <summary>
/// The fold's cheaper state write: each entity's JSON is kept until the entity changes, the trim looks only at changed
/// entities until the hour moves, sums are formatted by hand, and top lists are picked in one pass. Each must give exactly
/// what the plain way gives.
/// </summary>
public class StateWriteTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 20, 0, TimeSpan.Zero);
    private static readonly string[] Categories = ["Location", "Person", "Organization"];

    /// <summary>Articles over the 60 hours before <paramref name="now"/> drawing on 40 entities, a few in most articles.</summary>
    private static List<ArticleContribution> Articles(int count, DateTimeOffset now, int seed)
    {
        var random = new Random(seed);
        var articles = new List<ArticleContribution>();
        for (int i = 0; i < count; i++)
        {
            var picked = Enumerable.Range(0, random.Next(1, 12)).Select(_ => (int)(40 * Math.Pow(random.NextDouble(), 2))).Distinct().ToList();
            double score = Math.Round(random.NextDouble() * 2 - 1, 4);
            string id = $"{seed}-{i}".PadLeft(32, '0');
            articles.Add(TestContributions.Article(id, now.AddMinutes(-random.Next(0, 60 * 60)), score > 0 ? SentimentLabel.Positive : SentimentLabel.Negative, score,
                picked.Select(p => new EntityCount(Categories[p % 3], $"Entity {p}", random.Next(1, 4), $"x:{p}", [$"Entity {p}", $"E{p}"])).ToList()));
        }
        return articles;
    }

    private static string Write(SummaryState state)
    {
        var buffer = new ArrayBufferWriter<byte>();
        SummaryStore.WriteState(state, buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string WriteFromScratch(SummaryState state)
    {
        foreach (var entity in state.Entities.Values) entity.MarkChanged();
        return Write(state);
    }

    [Fact]
    public void A_write_from_kept_entity_json_equals_a_write_from_scratch_through_folds_revisions_retractions_and_moving_hours()
    {
        var aggregator = new SummaryAggregator(new SummaryOptions { MaxRelatedPerEntity = 4, MaxRecentArticlesPerEntity = 2, MaxAliasesPerEntity = 1 });
        var state = new SummaryState();
        var counted = new List<ArticleContribution>();
        int reused = 0;
        for (int fold = 0; fold < 12; fold++)
        {
            var now = Now.AddMinutes(25 * fold); // the hour moves every two or three folds
            var kept = state.Entities.ToDictionary(e => e.Key, e => e.Value.WrittenJson);
            foreach (var article in Articles(8, now, fold))
            {
                aggregator.Add(state, article);
                counted.Add(article);
            }
            foreach (var article in counted.Where((_, i) => i % 7 == fold % 7).ToList())
            {
                aggregator.Remove(state, article); // retracted, or the old side of a revision
                counted.Remove(article);
            }
            aggregator.Trim(state, now);

            string written = Write(state);
            reused += state.Entities.Count(e => e.Value.WrittenJson is { } json && kept.GetValueOrDefault(e.Key) == json);
            Assert.Equal(WriteFromScratch(state), written);
        }
        Assert.True(reused > 0, "no entity's JSON was ever kept from one write to the next");
    }

    [Fact]
    public void When_the_hour_moves_the_trim_drops_old_hours_of_entities_no_fold_touched_since()
    {
        var aggregator = new SummaryAggregator(new SummaryOptions());
        var state = new SummaryState();
        var still = Article("still", Now.AddHours(-aggregator.EntityHours), ("Location", "x:still"));
        aggregator.Add(state, still);
        aggregator.Trim(state, Now);
        Write(state);
        var entity = state.Entities.Values.Single();
        Assert.Single(entity.Hours);

        aggregator.Add(state, Article("other", Now, ("Person", "x:other")));
        aggregator.Trim(state, Now);
        Assert.Single(entity.Hours);
        Assert.False(entity.Changed);

        aggregator.Trim(state, Now.AddHours(1));
        Assert.Empty(entity.Hours);
        Assert.True(entity.Changed);
        Assert.Equal(WriteFromScratch(state), Write(state));
    }

    [Fact]
    public void Sums_are_written_as_Math_Round_to_four_decimals_prints_them()
    {
        var random = new Random(3);
        var values = new List<double> { 0, 1, -1, 0.5, -0.0001, 0.0001, 12.3, 999.9999, -1234.5678, 0.1 + 0.2, 0.99995, 3e14 + 0.25, -2.5e16 };
        double sum = 0;
        for (int i = 0; i < 20_000; i++)
        {
            sum += Math.Round(random.NextDouble() * 2 - 1, 4); // scores have 4 decimals; their sum carries float noise
            values.Add(sum);
        }

        Span<byte> text = stackalloc byte[32];
        foreach (double value in values)
        {
            int length = EntityHoursConverter.FormatFourDecimals(value, text);
            double rounded = Math.Round(value, 4);
            string expected = rounded == 0 ? "0" : rounded.ToString(CultureInfo.InvariantCulture);
            Assert.Equal(expected, Encoding.UTF8.GetString(text[..length]));
        }
        var buffer = new byte[32];
        foreach (double value in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
            Assert.Throws<InvalidOperationException>(() => EntityHoursConverter.FormatFourDecimals(value, buffer));
    }

    [Fact]
    public void Top_entities_are_those_a_full_sort_by_articles_mentions_and_name_picks_ties_included()
    {
        var aggregator = new SummaryAggregator(new SummaryOptions { TopEntitiesPerCategory = 4 });
        var random = new Random(5);
        var state = new SummaryState();
        for (int i = 0; i < 300; i++)
        {
            // Few distinct counts and names, so ties on articles, on mentions and on both are common.
            var entity = new EntityAggregate { Category = Categories[i % 3], Text = $"E{random.Next(0, 30)}", Id = $"x:{i}", Articles = random.Next(1, 5), Mentions = random.Next(1, 4) };
            state.Entities[$"{entity.Category}|{entity.Id}"] = entity;
        }

        var top = aggregator.Render(state, Now).TopEntities;

        foreach (var category in Categories)
        {
            var expected = state.Entities.Values.Where(e => e.Category == category)
                .OrderByDescending(e => e.Articles).ThenByDescending(e => e.Mentions).ThenBy(e => e.Text, StringComparer.Ordinal)
                .Take(4).Select(e => e.Id).ToList();
            Assert.Equal(expected, top[category].Select(e => e.Id));
        }
        Assert.Equal(Categories.Order(StringComparer.Ordinal), top.Keys);
    }

    private static ArticleContribution Article(string id, DateTimeOffset ingested, params (string Category, string Id)[] entities) =>
        TestContributions.Article(id.PadLeft(32, '0'), ingested, SentimentLabel.Neutral, 0,
            entities.Select(e => new EntityCount(e.Category, e.Id, 1, e.Id, [e.Id])).ToList());
}
