namespace Pipeline.Contracts;

/// <summary>
/// What one revision of an article adds to the summary. Stored once per (article, content hash) in the records table,
/// so the summary can take a revision's contribution out again when a newer revision replaces it.
/// </summary>
public sealed record ArticleContribution
{
    /// <summary>Entities kept per article: enough for every top list, small enough for one table property.</summary>
    internal const int MaxEntities = 60;

    /// <summary>The categories the summary counts (and the entity search accepts).</summary>
    public static readonly IReadOnlySet<string> SummarisedCategories = new HashSet<string>(StringComparer.Ordinal)
        {EntityCategories.Person, EntityCategories.PersonType, EntityCategories.Location, EntityCategories.Organization, EntityCategories.Event, EntityCategories.Product, "Skill"};

    /// <summary>The article, as <see cref="EnrichedArticle.ArticleId"/>.</summary>
    public required string ArticleId { get; init; }

    /// <summary>The revision this contribution belongs to, as <see cref="EnrichedArticle.ContentHash"/>.</summary>
    public required string ContentHash { get; init; }

    /// <summary>The article's display title, for the summary's latest articles.</summary>
    public required string Title { get; init; }

    /// <summary>The source blob's name in the <c>articles</c> container.</summary>
    public required string SourceName { get; init; }

    /// <summary>
    /// The publisher the file named (<see cref="ArticleSource.Publisher"/>); null when it named none, and in contributions
    /// recorded before it was carried. Added within the contribution's shape (additive).
    /// </summary>
    public string? Publisher { get; init; }

    /// <summary>The source blob's last-modified time: of two revisions of one article, the later one replaces the other in the summary.</summary>
    public required DateTimeOffset SourceLastModified { get; init; }

    /// <summary>The source blob version this revision was read from (empty for records made outside the pipeline).</summary>
    public string SourceETag { get; init; } = "";

    /// <summary>When the article was published, as the file said; null when it did not say.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>When the pipeline enriched this revision: the hour of the summary it counts in.</summary>
    public required DateTimeOffset IngestedAt { get; init; }

    /// <summary>The ISO 639-1 code of the article's language (<see cref="DetectedLanguage.Iso6391Name"/>).</summary>
    public required string Language { get; init; }

    /// <summary>The article's sentiment label.</summary>
    public required SentimentLabel Sentiment { get; init; }

    /// <summary>positive − negative confidence, in [−1, 1]: one number to average over entities and hours.</summary>
    public required double SentimentScore { get; init; }

    /// <summary>
    /// The entities the summary counts: the categories Person, PersonType, Location, Organization, Event, Product and Skill,
    /// one entry per category and canonical id (or, for a mention without one, case-folded text), most mentioned first, at most 60.
    /// </summary>
    public required IReadOnlyList<EntityCount> Entities { get; init; }

    /// <summary>What <paramref name="article"/>'s revision adds to the summary.</summary>
    /// <param name="article">The enriched article; the mentions counted are those in its <see cref="EnrichedArticle.Entities"/>.</param>
    /// <returns>The contribution, with the sentiment score rounded to 4 decimals.</returns>
    public static ArticleContribution From(EnrichedArticle article) => new()
    {
        ArticleId = article.ArticleId,
        ContentHash = article.ContentHash,
        Title = article.Title,
        SourceName = article.Source.Name,
        Publisher = article.Source.Publisher,
        SourceLastModified = article.Source.LastModified,
        SourceETag = article.Source.ETag,
        PublishedAt = article.PublishedAt,
        IngestedAt = article.IngestedAt,
        Language = article.Language.Iso6391Name,
        Sentiment = article.Sentiment.Label,
        SentimentScore = Math.Round(article.Sentiment.ConfidenceScores.Positive - article.Sentiment.ConfidenceScores.Negative, 4),
        Entities = article.Entities
            .Where(e => SummarisedCategories.Contains(e.Category))
            .GroupBy(e => e.Canonical is null ? EntityKey(e.Category, e.Text) : CanonicalKey(e.Category, e.Canonical.Id))
            .Select(Count)
            .OrderByDescending(e => e.Mentions).ThenBy(e => e.Text, StringComparer.Ordinal)
            .Take(MaxEntities)
            .ToList(),
    };

    /// <summary>Surface forms kept per entity and article: the summary shows the forms an entity was seen as, not every misspelling.</summary>
    internal const int MaxAliases = 5;

    private static EntityCount Count(IGrouping<string, EntityMention> mentions)
    {
        var first = mentions.First();
        if (first.Canonical is null) return new EntityCount(first.Category, first.Text, mentions.Count());
        var aliases = mentions.Select(m => m.Text).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxAliases).ToList();
        return new EntityCount(first.Category, first.Canonical.Name, mentions.Count(), first.Canonical.Id, aliases);
    }

    /// <summary>The summary's key for an entity of a contribution: its canonical id when it has one, else its case-folded text.</summary>
    /// <param name="entity">An entity of a contribution.</param>
    /// <returns><c>{category}|id:{canonical id}</c>, or <see cref="EntityKey"/> for a contribution recorded before entities were linked.</returns>
    public static string Key(EntityCount entity) => entity.Id is null ? EntityKey(entity.Category, entity.Text) : CanonicalKey(entity.Category, entity.Id);

    private static string CanonicalKey(string category, string id) => $"{category}|id:{id}";

    /// <summary>Mentions are one entity when category and case-folded text agree ("NATO" and "Nato").</summary>
    /// <param name="category">The entity's category.</param>
    /// <param name="text">The entity's text, in any case.</param>
    /// <returns><c>{category}|{text in lower case}</c>.</returns>
    public static string EntityKey(string category, string text) => $"{category}|{text.ToLowerInvariant()}";
}

/// <summary>One entity of an article's contribution, with how often the article mentions it.</summary>
/// <param name="Category">The entity's Azure AI Language category.</param>
/// <param name="Text">The canonical entity's display name; without a canonical id, the text of its first mention in the article (mentions differing only in case are one entity).</param>
/// <param name="Mentions">How many times the article mentions it (at least 1).</param>
/// <param name="Id">The canonical id (<see cref="CanonicalEntity.Id"/>); null in a contribution recorded before entities were linked, which the summary keys by text as it was added.</param>
/// <param name="Aliases">The distinct surface forms the article used for it, case-folded, first spelling kept, at most 5; null when <paramref name="Id"/> is.</param>
public sealed record EntityCount(string Category, string Text, int Mentions, string? Id = null, IReadOnlyList<string>? Aliases = null);
