using Pipeline.Summary;
using Pipeline.Testing;
using Xunit.Abstractions;

namespace Pipeline.Dashboard.Tests;

/// <summary>
/// The trending panel's list on a generated run: 5,000 articles over 48 hours of a long-tail vocabulary, then one rare
/// entity in 8 articles of the last hour. Run with <c>--logger "console;verbosity=detailed"</c> to see the list.
/// </summary>
public class TrendingRunTests(ITestOutputHelper output)
{
    [Fact]
    public void A_rare_entity_that_spikes_in_the_last_hour_tops_the_trending_list_of_a_generated_run()
    {
        var now = new DateTimeOffset(2026, 12, 4, 12, 50, 0, TimeSpan.Zero);
        var aggregator = new SummaryAggregator(new SummaryOptions());
        var state = GeneratedContributions.Fold(aggregator, 5_000, now);
        const int Rare = 2_501; // a Person far down the long tail
        string rareId = GeneratedContributions.Id(Rare);
        int before = state.Entities.Values.Where(e => e.Id == rareId).Sum(e => e.Articles);

        var spike = GeneratedContributions.Generate(8, now, seed: 99).Select((article, i) => article with
        {
            ArticleId = (100_000 + i).ToString("x32", System.Globalization.CultureInfo.InvariantCulture),
            ContentHash = "sha256:spike" + i,
            IngestedAt = now.AddMinutes(-5 * i),
            Entities = [new EntityCount("Person", $"Entity {Rare}", 2, rareId, [$"Entity {Rare}"]), .. article.Entities.Where(e => e.Id != rareId)],
        });
        foreach (var article in spike)
            aggregator.Add(state, article);
        aggregator.Trim(state, now);
        var trending = aggregator.Render(state, now).Trending!;

        output.WriteLine($"5,000 generated articles over 48 hours ({state.Entities.Count} entities; the spiking one in {before} of them), then it in 8 articles of the last hour:");
        foreach (var t in trending)
            output.WriteLine($"  {t.Text,-12} {t.Category,-13} window {t.Window,-3} {t.RecentArticles,3} articles {t.RecentMentions,3} mentions  baseline {t.BaselinePerHour:F2}/h  score {t.Score:F1}");
        var top = trending[0];
        Assert.Equal((rareId, "1h"), (top.Id, top.Window));
        Assert.InRange(top.RecentArticles, 8, 8 + before);
        // The background is flat (uniform over 48 hours), so what else trends is chance, three or four articles of a rare
        // entity in one window: the spike, eight articles in an hour of an entity seen every six, scores far above it.
        Assert.All(trending.Skip(1), t => Assert.True(t.Score * 2 < top.Score, $"{t.Text} scores {t.Score:F1}, the spike {top.Score:F1}"));
    }
}
