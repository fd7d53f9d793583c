using System.Globalization;

namespace Pipeline.Summary;

/// <summary>
/// Whether an entity is trending, from its per-hour article counts. The rule (docs/entity-linking.md#trends):
/// for the last hour (the current, partial hour) and for the last 6 hours (the current and the 5 before), the recent rate
/// is the window's articles per hour and the baseline rate is the articles per hour of the rest of the 48 hours before
/// the current one (48 hours for the last hour, 43 for the last 6), at least one article a day; the entity trends when
/// the window holds at least <see cref="SummaryOptions.TrendingMinArticles"/> articles and its rate is at least
/// <see cref="SummaryOptions.TrendingFactor"/> times the baseline. Its score is the larger ratio of the two windows that qualify.
/// </summary>
public sealed class EntityTrends
{
    /// <summary>Complete hours before the current one that make the baseline.</summary>
    public const int BaselineHours = 48;

    /// <summary>The lowest baseline rate: one article a day, so an entity never seen before needs a real burst, not any article.</summary>
    private const double MinimumBaselinePerHour = 1.0 / 24;

    private static readonly (int Hours, string Name)[] Windows = [(1, "1h"), (6, "6h")];

    private readonly SummaryOptions _options;

    /// <param name="options">The trending thresholds.</param>
    /// <param name="now">The time the trends are computed at; its hour is the current one.</param>
    public EntityTrends(SummaryOptions options, DateTimeOffset now)
    {
        _options = options;
        CurrentHourNumber = HourNumber(now);
        CurrentHour = DateTimeOffset.FromUnixTimeSeconds(CurrentHourNumber * 3600L);
    }

    public DateTimeOffset CurrentHour { get; }

    /// <summary>The current hour as <see cref="HourNumber"/> counts it.</summary>
    public int CurrentHourNumber { get; }

    /// <summary>
    /// Roles and skills ("director", "officials") are counted and listed like names, but they are common nouns that rise
    /// with any busy hour, not the people, places and things an editor watches: they never trend.
    /// </summary>
    private static readonly HashSet<string> NeverTrending = new(StringComparer.Ordinal) { EntityCategories.PersonType, "Skill" };

    /// <summary>The entity's trend, or null when it is not trending.</summary>
    public Trend? Evaluate(EntityAggregate entity)
    {
        if (entity.Articles < _options.TrendingMinArticles || entity.Hours.Count == 0 || NeverTrending.Contains(entity.Category))
            return null; // Cheap test first: most entities are in too few articles to trend at all.
        int inLongestWindow = 0;
        for (int back = 0; back < Windows[^1].Hours; back++)
            if (entity.Hours.TryGetValue(CurrentHourNumber - back, out var latest)) inLongestWindow += latest.Articles;
        if (inLongestWindow < _options.TrendingMinArticles)
            return null; // Both windows lie within the longest, so neither can qualify.

        Span<int> articles = stackalloc int[BaselineHours + 1];
        Span<int> mentions = stackalloc int[BaselineHours + 1];
        foreach (var (number, hour) in entity.Hours)
        {
            int offset = CurrentHourNumber - number;
            if (offset is >= 0 and <= BaselineHours)
            {
                articles[offset] = hour.Articles;
                mentions[offset] = hour.Mentions;
            }
        }

        Trend? best = null;
        int total = 0;
        foreach (int a in articles) total += a;
        foreach (var (hours, name) in Windows)
        {
            int recent = 0, recentMentions = 0;
            for (int i = 0; i < hours; i++) { recent += articles[i]; recentMentions += mentions[i]; }
            if (recent < _options.TrendingMinArticles) continue;
            double baseline = (double)(total - recent) / (BaselineHours + 1 - hours);
            double score = recent / (double)hours / Math.Max(baseline, MinimumBaselinePerHour);
            if (score >= _options.TrendingFactor && (best is null || score > best.Score))
                best = new Trend(name, recent, recentMentions, Math.Round(baseline, 4), Math.Round(score, 2));
        }
        return best;
    }

    /// <summary>The summary's own hourly key (<c>yyyy-MM-ddTHH</c>, UTC).</summary>
    internal static string HourKey(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture);

    /// <summary>Whole hours since the Unix epoch: how an entity's hours are keyed, so the per-entity work compares integers, not strings.</summary>
    internal static int HourNumber(DateTimeOffset time) => (int)(time.ToUnixTimeSeconds() / 3600);

    /// <summary>An hour key as <see cref="HourKey"/> writes it, as an hour number; false for anything else.</summary>
    internal static bool TryParseHourKey(string key, out int number)
    {
        bool parsed = DateTime.TryParseExact(key, "yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var hour);
        number = parsed ? HourNumber(new DateTimeOffset(hour, TimeSpan.Zero)) : 0;
        return parsed;
    }
}

/// <summary>Why an entity trends.</summary>
/// <param name="Window"><c>1h</c> or <c>6h</c>: the recent window that qualified with the higher ratio.</param>
/// <param name="RecentArticles">Counted articles mentioning it in that window.</param>
/// <param name="RecentMentions">Their mentions of it.</param>
/// <param name="BaselinePerHour">Articles per hour mentioning it in the rest of the 48 hours before the current one.</param>
/// <param name="Score">The window's articles per hour over the baseline (at least one a day).</param>
public sealed record Trend(string Window, int RecentArticles, int RecentMentions, double BaselinePerHour, double Score);
