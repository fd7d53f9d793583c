using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pipeline.Summary;

/// <summary>
/// Adds and removes article contributions to and from the running totals, and renders the dashboard document.
/// Pure: no I/O, so the arithmetic is tested on its own.
/// </summary>
public sealed class SummaryAggregator(SummaryOptions options)
{
    public void Add(SummaryState state, ArticleContribution article) => Apply(state, article, +1);

    public void Remove(SummaryState state, ArticleContribution article) => Apply(state, article, -1);

    /// <summary>
    /// An entity's co-occurring partners in an article are the article's this many most mentioned entities: at most
    /// 590 increments per article instead of 3,540 for 60 entities, and what a reader wants beside an entity is the main
    /// entities of the articles it is in (a minor entity lists them; they do not list every minor one).
    /// </summary>
    internal const int RelatedPerArticle = 10;

    /// <summary>Titles kept on an entity's recent articles are cut here, so the state stays small.</summary>
    private const int MaxTitleLength = 120;

    private void Apply(SummaryState state, ArticleContribution article, int sign)
    {
        state.ArticleCount += sign;
        state.SentimentScoreSum += sign * article.SentimentScore;
        state.Sentiment.Add(article.Sentiment, sign);

        string hourKey = HourKey(article.IngestedAt);
        int hourNumber = EntityTrends.HourNumber(article.IngestedAt);
        var keys = article.Entities.Select(ArticleContribution.Key).ToArray();
        var related = keys.AsSpan(0, Math.Min(RelatedPerArticle, keys.Length));
        var recent = sign > 0 ? new EntityArticle(article.ArticleId, Shorten(article.Title), ToTheSecond(article.IngestedAt)) : null;
        for (int index = 0; index < keys.Length; index++)
        {
            var entity = article.Entities[index];
            string key = keys[index];
            if (!state.Entities.TryGetValue(key, out var aggregate))
            {
                if (sign < 0) continue; // Evicted from the tracked set earlier: nothing to take out.
                state.Entities[key] = aggregate = new EntityAggregate { Category = entity.Category, Text = entity.Text, Id = entity.Id };
            }
            aggregate.MarkChanged();
            aggregate.Mentions += sign * entity.Mentions;
            aggregate.Articles += sign;
            aggregate.SentimentSum += sign * article.SentimentScore;
            foreach (string alias in entity.Aliases ?? []) CountBounded(aggregate.Aliases, alias, sign, options.MaxAliasesPerEntity);
            if (aggregate.Articles <= 0)
            {
                state.Entities.Remove(key);
                continue;
            }

            // A trimmed hour is gone for every article, so an article of that hour has nothing there to take out.
            ref var hour = ref sign > 0
                ? ref CollectionsMarshal.GetValueRefOrAddDefault(aggregate.Hours, hourNumber, out _)
                : ref CollectionsMarshal.GetValueRefOrNullRef(aggregate.Hours, hourNumber);
            if (!Unsafe.IsNullRef(ref hour))
            {
                hour.Mentions += sign * entity.Mentions;
                hour.Articles += sign;
                hour.SentimentSum += sign * article.SentimentScore;
                if (hour.Articles <= 0) aggregate.Hours.Remove(hourNumber);
            }

            for (int listed = 0; listed < aggregate.Recent.Count; listed++)
            {
                if (aggregate.Recent[listed].ArticleId != article.ArticleId) continue;
                aggregate.Recent.RemoveAt(listed);
                break;
            }
            if (recent is not null) KeepNewest(aggregate.Recent, recent, options.MaxRecentArticlesPerEntity);

            foreach (string other in related)
                if (other != key) CountBounded(aggregate.Related, other, sign, options.MaxRelatedPerEntity);
        }

        Tally(state.Hours, hourKey, article, sign);
        Tally(state.Languages, LanguageOf(article), article, sign);
        Tally(state.Publishers, PublisherOf(article), article, sign);

        state.Latest.RemoveAll(a => a.ArticleId == article.ArticleId);
        if (sign > 0)
        {
            state.Latest.Add(new LatestArticle(article.ArticleId, article.Title, article.SourceName, article.PublishedAt, article.IngestedAt,
                article.Language, article.Sentiment, article.SentimentScore, article.Entities.Take(8).Select(e => e.Text).ToList()));
            state.Latest.Sort((a, b) => b.IngestedAt.CompareTo(a.IngestedAt));
            if (state.Latest.Count > options.LatestArticles) state.Latest.RemoveRange(options.LatestArticles, state.Latest.Count - options.LatestArticles);
        }
    }

    /// <summary>Adds or takes out one article of a group (an hour, a language, a publisher); a group missing on removal was trimmed or evicted.</summary>
    private static void Tally(Dictionary<string, ArticleTally> groups, string key, ArticleContribution article, int sign)
    {
        if (!groups.TryGetValue(key, out var tally))
        {
            if (sign < 0) return;
            groups[key] = tally = new ArticleTally();
        }
        tally.Articles += sign;
        tally.SentimentSum += sign * article.SentimentScore;
        tally.Sentiment.Add(article.Sentiment, sign);
        if (tally.Articles <= 0) groups.Remove(key);
    }

    /// <summary>Inserts <paramref name="article"/> in newest-first order; past <paramref name="max"/> the oldest goes.</summary>
    private static void KeepNewest(List<EntityArticle> recent, EntityArticle article, int max)
    {
        int at = 0;
        while (at < recent.Count && (recent[at].IngestedAt > article.IngestedAt
                   || (recent[at].IngestedAt == article.IngestedAt && string.CompareOrdinal(recent[at].ArticleId, article.ArticleId) <= 0)))
            at++;
        recent.Insert(at, article);
        if (recent.Count > max) recent.RemoveAt(recent.Count - 1);
    }

    /// <summary>As stored: the same order whether the list was just built or read back from state.json.</summary>
    private static DateTimeOffset ToTheSecond(DateTimeOffset time) => DateTimeOffset.FromUnixTimeSeconds(time.ToUnixTimeSeconds());

    private static string Shorten(string title) => title.Length <= MaxTitleLength ? title : title[..(MaxTitleLength - 1)] + "…";

    /// <summary>The language an article is counted under: its ISO 639-1 code, <c>und</c> when none was detected.</summary>
    public static string LanguageOf(ArticleContribution article) => string.IsNullOrWhiteSpace(article.Language) ? "und" : article.Language;

    /// <summary>
    /// The publisher an article is counted under: the one the file named; else the first folder of its blob name
    /// (<c>reuters/2026/x.txt</c> is <c>reuters</c>), which is how a drop folder is usually organised; else <c>(none)</c>.
    /// Computed from the stored contribution only, so a revision or retraction takes the article out of the group it went into.
    /// </summary>
    public static string PublisherOf(ArticleContribution article)
    {
        string? name = string.IsNullOrWhiteSpace(article.Publisher) ? null : article.Publisher.Trim();
        if (name is null && article.SourceName.IndexOf('/', StringComparison.Ordinal) is > 0 and int slash)
            name = article.SourceName[..slash];
        return name is null ? "(none)" : name.Length <= 100 ? name : name[..100];
    }

    /// <summary>
    /// Articles per surface form or per co-occurring entity, at most <paramref name="max"/> keys: a key arriving while the
    /// list is full is not tracked, and one already tracked is taken out with the last article that had it. So a tracked
    /// count never exceeds the true one, and equals it while no key was ever turned away.
    /// </summary>
    private static void CountBounded(Dictionary<string, int> counts, string key, int sign, int max)
    {
        if (sign > 0 && counts.Count < max)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _) += 1;
            return;
        }
        ref int articles = ref CollectionsMarshal.GetValueRefOrNullRef(counts, key);
        if (Unsafe.IsNullRef(ref articles)) return; // turned away while the list was full, or already taken out
        articles += sign;
        if (articles <= 0) counts.Remove(key);
    }

    /// <summary>
    /// Keeps the state bounded: old hours go (the summary's 7 days; per entity only the trend window), and past the
    /// entity and publisher caps the ones in fewest articles go.
    /// </summary>
    public void Trim(SummaryState state, DateTimeOffset now)
    {
        string oldest = HourKey(now.AddDays(-7));
        foreach (var key in state.Hours.Keys.Where(k => string.CompareOrdinal(k, oldest) < 0).ToList())
            state.Hours.Remove(key);

        // An entity trimmed at this oldest hour already and unchanged since has nothing to trim.
        int oldestEntityHour = TrendsAt(now).CurrentHourNumber - EntityHours;
        bool hourMoved = oldestEntityHour != state.EntityHoursTrimmedBefore;
        foreach (var entity in state.Entities.Values)
        {
            if (!hourMoved && !entity.Changed) continue;
            int before = entity.Related.Count + entity.Hours.Count;
            // A full co-occurrence list lets go of partners seen in one article only, so partners that keep coming back
            // can take their place; counts stay lower bounds (docs/entity-linking.md#what-is-exact).
            // Removing while enumerating is allowed for Dictionary since .NET Core 3.0.
            if (entity.Related.Count >= options.MaxRelatedPerEntity)
                foreach (var (partner, articles) in entity.Related)
                    if (articles == 1) entity.Related.Remove(partner);
            foreach (int number in entity.Hours.Keys)
                if (number < oldestEntityHour) entity.Hours.Remove(number);
            if (entity.Related.Count + entity.Hours.Count != before) entity.MarkChanged();
        }
        state.EntityHoursTrimmedBefore = oldestEntityHour;

        Evict(state.Entities, options.MaxTrackedEntities, e => (e.Articles, e.Mentions));
        Evict(state.Publishers, options.MaxTrackedPublishers, p => (p.Articles, 0));
    }

    /// <summary>Past <paramref name="max"/> entries, drops the tenth in fewest articles (an article retracted later subtracts nothing from them).</summary>
    private static void Evict<T>(Dictionary<string, T> entries, int max, Func<T, (int Articles, int Mentions)> weight)
    {
        if (entries.Count <= max) return;
        int keep = max * 9 / 10;
        foreach (var key in entries.OrderBy(e => weight(e.Value).Articles).ThenBy(e => weight(e.Value).Mentions).ThenBy(e => e.Key, StringComparer.Ordinal)
                     .Take(entries.Count - keep).Select(e => e.Key).ToList())
            entries.Remove(key);
    }

    internal int HourlyBuckets => options.HourlyBuckets;

    /// <summary>Hours before the current one kept per entity: the summary's window or the trend baseline, the longer.</summary>
    internal int EntityHours => Math.Max(options.HourlyBuckets - 1, EntityTrends.BaselineHours);

    /// <summary>The trend rule at <paramref name="now"/>, indexing the hours kept per entity.</summary>
    public EntityTrends TrendsAt(DateTimeOffset now) => new(options, now);

    /// <summary>One entity's mentions per hour over the summary's window, oldest first, aligned with <see cref="SummaryDocument.Hourly"/>.</summary>
    internal int[] HourlyMentions(EntityAggregate entity, EntityTrends trends)
    {
        var mentions = new int[options.HourlyBuckets];
        for (int i = 0; i < mentions.Length; i++)
            if (entity.Hours.TryGetValue(trends.CurrentHourNumber - (mentions.Length - 1 - i), out var hour)) mentions[i] = hour.Mentions;
        return mentions;
    }

    public SummaryDocument Render(SummaryState state, DateTimeOffset now)
    {
        var trends = TrendsAt(now);
        var currentHour = trends.CurrentHour;
        var hourly = Enumerable.Range(0, options.HourlyBuckets).Reverse()
            .Select(back => currentHour.AddHours(-back))
            .Select(hour => state.Hours.TryGetValue(HourKey(hour), out var h)
                ? new HourlyBucket(hour, h.Articles, Distribution(h.Sentiment), Average(h.SentimentSum, h.Articles))
                : new HourlyBucket(hour, 0, new SentimentDistribution(0, 0, 0, 0), 0))
            .ToList();

        var top = new Dictionary<string, List<EntityAggregate>>(StringComparer.Ordinal);
        foreach (var entity in state.Entities.Values)
        {
            if (!top.TryGetValue(entity.Category, out var best)) top[entity.Category] = best = new(options.TopEntitiesPerCategory + 1);
            KeepTop(best, entity, options.TopEntitiesPerCategory);
        }
        var topEntities = top.OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary(
            c => c.Key,
            c => (IReadOnlyList<EntitySummary>)c.Value
                .Select(e => new EntitySummary(e.Text, e.Mentions, e.Articles, Average(e.SentimentSum, e.Articles))
                {
                    Id = e.Id,
                    Aliases = e.Id is null ? null : AliasesOf(e),
                    HourlyMentions = HourlyMentions(e, trends),
                })
                .ToList());

        var trending = state.Entities.Values
            .Select(e => (Entity: e, Trend: trends.Evaluate(e)))
            .Where(t => t.Trend is not null)
            .OrderByDescending(t => t.Trend!.Score).ThenByDescending(t => t.Trend!.RecentArticles).ThenBy(t => t.Entity.Text, StringComparer.Ordinal)
            .Take(options.TrendingEntities)
            .Select(t => new TrendingEntity(t.Entity.Category, t.Entity.Text, t.Trend!.Window, t.Trend.RecentArticles, t.Trend.RecentMentions, t.Trend.BaselinePerHour, t.Trend.Score)
            {
                Id = t.Entity.Id,
            })
            .ToList();

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
            Trending = trending,
            Languages = Groups(state.Languages),
            Publishers = Groups(state.Publishers),
        };
    }

    /// <summary>
    /// Keeps <paramref name="best"/> the <paramref name="max"/> entities in most articles, then most mentions, then by
    /// name, in that order; an entity that ties with a listed one goes after it. One pass over the entities, not a sort.
    /// </summary>
    private static void KeepTop(List<EntityAggregate> best, EntityAggregate entity, int max)
    {
        int at = best.Count;
        while (at > 0 && Ranks(entity, best[at - 1]) < 0) at--;
        if (at >= max) return;
        best.Insert(at, entity);
        if (best.Count > max) best.RemoveAt(max);
    }

    /// <summary>Negative when <paramref name="a"/> ranks before <paramref name="b"/> in a top list.</summary>
    private static int Ranks(EntityAggregate a, EntityAggregate b) =>
        a.Articles != b.Articles ? b.Articles.CompareTo(a.Articles)
        : a.Mentions != b.Mentions ? b.Mentions.CompareTo(a.Mentions)
        : string.CompareOrdinal(a.Text, b.Text);

    /// <summary>Surface forms in most articles first.</summary>
    internal static List<string> AliasesOf(EntityAggregate entity) =>
        entity.Aliases.OrderByDescending(a => a.Value).ThenBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key).ToList();

    private static SortedDictionary<string, GroupSummary> Groups(Dictionary<string, ArticleTally> groups) =>
        new(groups.ToDictionary(g => g.Key, g => new GroupSummary(g.Value.Articles, Distribution(g.Value.Sentiment), Average(g.Value.SentimentSum, g.Value.Articles)), StringComparer.Ordinal),
            StringComparer.Ordinal);

    private static SentimentDistribution Distribution(SentimentTally t) => new(t.Positive, t.Neutral, t.Negative, t.Mixed);

    internal static double Average(double sum, int count) => count <= 0 ? 0 : Math.Round(sum / count, 4);

    private static string HourKey(DateTimeOffset time) => EntityTrends.HourKey(time);
}
