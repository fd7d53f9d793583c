using System.Globalization;

namespace Pipeline.Summary;

/// <summary>
/// Adds and removes article contributions to and from the running totals, and renders the dashboard document.
/// Pure: no I/O, so the arithmetic is tested on its own.
/// </summary>
public sealed class SummaryAggregator(SummaryOptions options)
{
    public void Add(SummaryState state, ArticleContribution article) => Apply(state, article, +1);

    public void Remove(SummaryState state, ArticleContribution article) => Apply(state, article, -1);

    private void Apply(SummaryState state, ArticleContribution article, int sign)
    {
        state.ArticleCount += sign;
        state.SentimentScoreSum += sign * article.SentimentScore;
        state.Sentiment.Add(article.Sentiment, sign);

        foreach (var entity in article.Entities)
        {
            string key = ArticleContribution.Key(entity);
            if (!state.Entities.TryGetValue(key, out var aggregate))
            {
                if (sign < 0) continue; // Evicted from the tracked set earlier: nothing to take out.
                state.Entities[key] = aggregate = new EntityAggregate { Category = entity.Category, Text = entity.Text, Id = entity.Id };
            }
            aggregate.Mentions += sign * entity.Mentions;
            aggregate.Articles += sign;
            aggregate.SentimentSum += sign * article.SentimentScore;
            foreach (string alias in entity.Aliases ?? []) CountAlias(aggregate.Aliases, alias, sign);
            if (aggregate.Articles <= 0) state.Entities.Remove(key);
        }

        string hourKey = HourKey(article.IngestedAt);
        if (state.Hours.TryGetValue(hourKey, out var hour) || sign > 0)
        {
            hour ??= state.Hours[hourKey] = new HourAggregate();
            hour.Articles += sign;
            hour.SentimentSum += sign * article.SentimentScore;
            hour.Sentiment.Add(article.Sentiment, sign);
            if (hour.Articles <= 0) state.Hours.Remove(hourKey);
        }

        state.Latest.RemoveAll(a => a.ArticleId == article.ArticleId);
        if (sign > 0)
        {
            state.Latest.Add(new LatestArticle(article.ArticleId, article.Title, article.SourceName, article.PublishedAt, article.IngestedAt,
                article.Language, article.Sentiment, article.SentimentScore, article.Entities.Take(8).Select(e => e.Text).ToList()));
            state.Latest.Sort((a, b) => b.IngestedAt.CompareTo(a.IngestedAt));
            if (state.Latest.Count > options.LatestArticles) state.Latest.RemoveRange(options.LatestArticles, state.Latest.Count - options.LatestArticles);
        }
    }

    /// <summary>
    /// Articles per surface form, at most <see cref="SummaryOptions.MaxAliasesPerEntity"/> forms: a form arriving while the
    /// list is full is not tracked, and one already tracked is taken out with the last article that used it.
    /// </summary>
    private void CountAlias(Dictionary<string, int> aliases, string alias, int sign)
    {
        if (aliases.TryGetValue(alias, out int articles))
        {
            if (articles + sign <= 0) aliases.Remove(alias);
            else aliases[alias] = articles + sign;
        }
        else if (sign > 0 && aliases.Count < options.MaxAliasesPerEntity) aliases[alias] = 1;
    }

    /// <summary>Keeps the state bounded: old hours go, and past the entity cap the entities in fewest articles go.</summary>
    public void Trim(SummaryState state, DateTimeOffset now)
    {
        string oldest = HourKey(now.AddDays(-7));
        foreach (var key in state.Hours.Keys.Where(k => string.CompareOrdinal(k, oldest) < 0).ToList())
            state.Hours.Remove(key);

        if (state.Entities.Count > options.MaxTrackedEntities)
        {
            int keep = options.MaxTrackedEntities * 9 / 10;
            foreach (var key in state.Entities.OrderBy(e => e.Value.Articles).ThenBy(e => e.Value.Mentions)
                         .Take(state.Entities.Count - keep).Select(e => e.Key).ToList())
                state.Entities.Remove(key);
        }
    }

    public SummaryDocument Render(SummaryState state, DateTimeOffset now)
    {
        var currentHour = new DateTimeOffset(now.UtcDateTime.Date.AddHours(now.UtcDateTime.Hour), TimeSpan.Zero);
        var hourly = Enumerable.Range(0, options.HourlyBuckets).Reverse()
            .Select(back => currentHour.AddHours(-back))
            .Select(hour => state.Hours.TryGetValue(HourKey(hour), out var h)
                ? new HourlyBucket(hour, h.Articles, Distribution(h.Sentiment), Average(h.SentimentSum, h.Articles))
                : new HourlyBucket(hour, 0, new SentimentDistribution(0, 0, 0, 0), 0))
            .ToList();

        var topEntities = state.Entities.Values
            .GroupBy(e => e.Category)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<EntitySummary>)g.OrderByDescending(e => e.Articles).ThenByDescending(e => e.Mentions).ThenBy(e => e.Text, StringComparer.Ordinal)
                    .Take(options.TopEntitiesPerCategory)
                    .Select(e => new EntitySummary(e.Text, e.Mentions, e.Articles, Average(e.SentimentSum, e.Articles))
                    {
                        Id = e.Id,
                        Aliases = e.Id is null ? null : e.Aliases.OrderByDescending(a => a.Value).ThenBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key).ToList(),
                    })
                    .ToList());

        return new SummaryDocument
        {
            GeneratedAt = now,
            StateVersion = state.Version,
            ArticleCount = state.ArticleCount,
            RetractedCount = state.RetractedCount,
            Sentiment = Distribution(state.Sentiment),
            AverageSentiment = Average(state.SentimentScoreSum, state.ArticleCount),
            TopEntities = topEntities,
            LatestArticles = state.Latest,
            Hourly = hourly,
        };
    }

    private static SentimentDistribution Distribution(SentimentTally t) => new(t.Positive, t.Neutral, t.Negative, t.Mixed);

    private static double Average(double sum, int count) => count <= 0 ? 0 : Math.Round(sum / count, 4);

    private static string HourKey(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture);
}
