using System.Globalization;
using System.Text;

namespace Pipeline.Summary;

/// <summary>
/// The drill-down over one summary state: entity search and one entity's details. Built once per state version and
/// then read-only, so every request is answered from memory; the search's folded names are built on the first search.
/// Times are as of the state's last fold (<see cref="SummaryState.UpdatedAt"/>), like the rendered summary.
/// </summary>
public sealed class EntityIndex
{
    /// <summary>Co-occurring entities a detail lists.</summary>
    public const int RelatedShown = 10;

    /// <summary>The most entities one search returns.</summary>
    public const int MaxSearchResults = 50;

    private readonly SummaryState _state;
    private readonly SummaryAggregator _aggregator;
    private readonly EntityTrends _trends;
    private readonly Dictionary<string, List<string>> _keysById = new(StringComparer.Ordinal);
    private readonly Lazy<SearchEntry[]> _search;

    public EntityIndex(SummaryState state, SummaryAggregator aggregator)
    {
        _state = state;
        _aggregator = aggregator;
        _trends = aggregator.TrendsAt(state.UpdatedAt);
        foreach (var (key, entity) in state.Entities)
        {
            // Entities counted by text (recorded before linking) have no id to address them by.
            if (entity.Id is null) continue;
            if (!_keysById.TryGetValue(entity.Id, out var keys)) _keysById[entity.Id] = keys = [];
            keys.Add(key);
        }
        _search = new Lazy<SearchEntry[]>(() => _state.Entities.Values.Where(e => e.Id is not null)
            .Select(e => new SearchEntry(e, [Fold(e.Text), .. e.Aliases.Keys.Select(Fold)])).ToArray());
    }

    public long StateVersion => _state.Version;

    /// <summary>
    /// Entities whose name or a surface form contains <paramref name="query"/>, case and accents ignored: those where
    /// one starts with it (or one of its words does) first, then by articles. An empty query lists all by articles.
    /// </summary>
    public EntitySearchResult Search(string query, string? category, int limit)
    {
        string folded = Fold(query);
        var matches = new List<(int Rank, EntityAggregate Entity)>();
        foreach (var entry in _search.Value)
        {
            if (category is not null && entry.Entity.Category != category) continue;
            int rank = folded.Length == 0 ? 0 : Rank(entry.Folded, folded);
            if (rank >= 0) matches.Add((rank, entry.Entity));
        }
        var top = matches.OrderBy(m => m.Rank).ThenByDescending(m => m.Entity.Articles).ThenByDescending(m => m.Entity.Mentions)
            .ThenBy(m => m.Entity.Text, StringComparer.Ordinal).ThenBy(m => m.Entity.Category, StringComparer.Ordinal)
            .Take(Math.Clamp(limit, 1, MaxSearchResults))
            .Select(m => new EntityMatch(m.Entity.Id!, m.Entity.Category, m.Entity.Text, SummaryAggregator.AliasesOf(m.Entity),
                m.Entity.Articles, m.Entity.Mentions, SummaryAggregator.Average(m.Entity.SentimentSum, m.Entity.Articles)))
            .ToList();
        return new EntitySearchResult(query, category, matches.Count, top, _state.Version);
    }

    /// <summary>0: a name or form starts with the query, or one of its words does; 1: contains it; -1: neither.</summary>
    private static int Rank(string[] names, string query)
    {
        int rank = -1;
        foreach (string name in names)
        {
            int at = name.IndexOf(query, StringComparison.Ordinal);
            while (at > 0 && char.IsLetterOrDigit(name[at - 1]))
                at = name.IndexOf(query, at + 1, StringComparison.Ordinal);
            if (at >= 0) return 0;
            if (rank < 0 && name.Contains(query, StringComparison.Ordinal)) rank = 1;
        }
        return rank;
    }

    /// <summary>
    /// The entity with canonical id <paramref name="id"/>; of one id in several categories, the one in
    /// <paramref name="category"/>, or without it the one in most articles. Null when there is none.
    /// </summary>
    public EntityDetail? Find(string id, string? category)
    {
        if (!_keysById.TryGetValue(id, out var keys)) return null;
        var candidates = keys.Select(k => _state.Entities[k]).ToList();
        var entity = category is null
            ? candidates.OrderByDescending(e => e.Articles).ThenBy(e => e.Category, StringComparer.Ordinal).First()
            : candidates.FirstOrDefault(e => e.Category == category);
        if (entity is null) return null;

        int buckets = _aggregator.HourlyBuckets;
        var hourly = new List<EntityHourView>(buckets);
        for (int back = buckets - 1; back >= 0; back--)
        {
            var hour = _trends.CurrentHour.AddHours(-back);
            hourly.Add(entity.Hours.TryGetValue(_trends.CurrentHourNumber - back, out var h)
                ? new EntityHourView(hour, h.Mentions, h.Articles, SummaryAggregator.Average(h.SentimentSum, h.Articles))
                : new EntityHourView(hour, 0, 0, 0));
        }

        var related = entity.Related
            .Select(r => (Count: r.Value, Other: _state.Entities.GetValueOrDefault(r.Key)))
            .Where(r => r.Other?.Id is not null)
            .OrderByDescending(r => r.Count).ThenByDescending(r => r.Other!.Articles).ThenBy(r => r.Other!.Text, StringComparer.Ordinal)
            .Take(RelatedShown)
            .Select(r => new RelatedEntity(r.Other!.Id!, r.Other.Category, r.Other.Text, r.Count))
            .ToList();

        return new EntityDetail(entity.Id!, entity.Category, entity.Text, SummaryAggregator.AliasesOf(entity), entity.Mentions, entity.Articles,
            SummaryAggregator.Average(entity.SentimentSum, entity.Articles), hourly,
            entity.Recent.Select(a => new RecentArticle(a.ArticleId, a.Title, a.IngestedAt)).ToList(), related, _trends.Evaluate(entity),
            candidates.Where(c => c != entity).Select(c => c.Category).Order(StringComparer.Ordinal).ToList(), _state.Version, _state.UpdatedAt);
    }

    /// <summary>The search form of a name: accents dropped, lower case (invariant), so "Malmö", "MALMO" and "malmo" meet.</summary>
    public static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (char c in text.Trim().Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) folded.Append(char.ToLowerInvariant(c));
        return folded.ToString();
    }

    private sealed record SearchEntry(EntityAggregate Entity, string[] Folded);
}

/// <summary>An entity search's answer.</summary>
/// <param name="Query">The query as given.</param>
/// <param name="Category">The category searched, or null for all.</param>
/// <param name="Total">How many entities matched; at most the requested limit are listed.</param>
/// <param name="Entities">The best matches, best first.</param>
/// <param name="StateVersion">The summary state answered from.</param>
public sealed record EntitySearchResult(string Query, string? Category, int Total, IReadOnlyList<EntityMatch> Entities, long StateVersion);

/// <summary>One entity found by a search.</summary>
public sealed record EntityMatch(string Id, string Category, string Name, IReadOnlyList<string> Aliases, int Articles, int Mentions, double AverageSentiment);

/// <summary>One entity in detail: what <c>GET /api/entities/{id}</c> answers.</summary>
/// <param name="Hourly">Mentions, articles and average sentiment per hour over the summary's window, oldest first.</param>
/// <param name="RecentArticles">The most recently ingested counted articles that mention it, newest first (bounded).</param>
/// <param name="Related">Entities in most of the same articles (top 10; counts are lower bounds, see docs).</param>
/// <param name="Trend">Why it trends, or null when it does not.</param>
/// <param name="OtherCategories">Other categories the same id is counted in (ask with <c>?category=</c>).</param>
/// <param name="AsOf">When the state was folded: the hours end with that hour.</param>
public sealed record EntityDetail(
    string Id,
    string Category,
    string Name,
    IReadOnlyList<string> Aliases,
    int Mentions,
    int Articles,
    double AverageSentiment,
    IReadOnlyList<EntityHourView> Hourly,
    IReadOnlyList<RecentArticle> RecentArticles,
    IReadOnlyList<RelatedEntity> Related,
    Trend? Trend,
    IReadOnlyList<string> OtherCategories,
    long StateVersion,
    DateTimeOffset AsOf);

/// <summary>A counted article that mentions the entity; <paramref name="Title"/> is cut at 120 characters.</summary>
public sealed record RecentArticle(string ArticleId, string Title, DateTimeOffset IngestedAt);

/// <summary>One hour of an entity.</summary>
public sealed record EntityHourView(DateTimeOffset Hour, int Mentions, int Articles, double AverageSentiment);

/// <summary>An entity that shares articles with another.</summary>
/// <param name="Articles">Counted articles mentioning both (a lower bound).</param>
public sealed record RelatedEntity(string Id, string Category, string Name, int Articles);
