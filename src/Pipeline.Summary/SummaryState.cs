using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Summary;

/// <summary>
/// The summary's running totals, kept in <c>summaries/state.json</c> and written only with If-Match.
/// <see cref="LastBatch"/> names the revisions the latest write applied: a folder that died before marking them
/// applied in the records table is finished by the next one, which is what makes the fold exactly-once.
/// </summary>
public sealed class SummaryState
{
    public int SchemaVersion { get; set; } = 1;
    public long Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int ArticleCount { get; set; }

    /// <summary>Articles counted once and taken out again because their blob was deleted (and not uploaded again).</summary>
    public int RetractedCount { get; set; }
    public double SentimentScoreSum { get; set; }
    public SentimentTally Sentiment { get; set; } = new();
    public Dictionary<string, EntityAggregate> Entities { get; set; } = new(StringComparer.Ordinal);
    public Dictionary<string, ArticleTally> Hours { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Counted articles per ISO 639-1 language code.</summary>
    public Dictionary<string, ArticleTally> Languages { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Counted articles per publisher (<see cref="SummaryAggregator.PublisherOf"/>), at most <see cref="SummaryOptions.MaxTrackedPublishers"/>.</summary>
    public Dictionary<string, ArticleTally> Publishers { get; set; } = new(StringComparer.Ordinal);
    public List<LatestArticle> Latest { get; set; } = [];
    public List<AppliedRevision> LastBatch { get; set; } = [];
}

public sealed class SentimentTally
{
    public int Positive { get; set; }
    public int Neutral { get; set; }
    public int Negative { get; set; }
    public int Mixed { get; set; }

    internal void Add(SentimentLabel label, int sign)
    {
        switch (label)
        {
            case SentimentLabel.Positive: Positive += sign; break;
            case SentimentLabel.Negative: Negative += sign; break;
            case SentimentLabel.Mixed: Mixed += sign; break;
            default: Neutral += sign; break;
        }
    }
}

public sealed class EntityAggregate
{
    public string Category { get; set; } = "";
    public string Text { get; set; } = "";

    /// <summary>The canonical id the entity is keyed by; null for an entity keyed by text (contributions recorded before linking).</summary>
    public string? Id { get; set; }

    /// <summary>Counted articles per surface form (case-sensitive; the contribution already folded case within an article).</summary>
    public Dictionary<string, int> Aliases { get; set; } = new(StringComparer.Ordinal);
    public int Mentions { get; set; }
    public int Articles { get; set; }
    public double SentimentSum { get; set; }

    /// <summary>
    /// Per hour of ingestion (<see cref="EntityTrends.HourNumber"/>: hours since the Unix epoch), only for the trend window:
    /// older hours are trimmed at every fold. Stored as an object keyed by the hour number.
    /// </summary>
    [JsonConverter(typeof(EntityHoursConverter))]
    public Dictionary<int, EntityHour> Hours { get; set; } = [];

    /// <summary>The most recently ingested counted articles that mention it, newest first, at most <see cref="SummaryOptions.MaxRecentArticlesPerEntity"/>.</summary>
    public List<EntityArticle> Recent { get; set; } = [];

    /// <summary>
    /// Articles shared with other entities (by summary key), at most <see cref="SummaryOptions.MaxRelatedPerEntity"/> partners:
    /// lower bounds, exact while the entity has had no more partners than that (see docs/entity-linking.md).
    /// </summary>
    public Dictionary<string, int> Related { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>One entity's share of one hour; stored as <c>[mentions, articles, sentimentSum]</c>, since there is one per entity and hour.</summary>
public sealed class EntityHour
{
    public int Mentions { get; set; }
    public int Articles { get; set; }
    public double SentimentSum { get; set; }
}

/// <summary>A counted article that mentions an entity, as the drill-down lists it; stored as <c>[articleId, unix seconds, title]</c>.</summary>
[JsonConverter(typeof(EntityArticleConverter))]
public sealed record EntityArticle(string ArticleId, string Title, DateTimeOffset IngestedAt);

/// <summary>
/// An entity's hours as <c>{"492012": [mentions, articles, sentimentSum], …}</c>, the sum rounded to 4 decimals (the
/// scores it adds up have 4; this only drops float noise). Reads the <c>yyyy-MM-ddTHH</c> keys of states written before
/// hours were numbered.
/// </summary>
internal sealed class EntityHoursConverter : JsonConverter<Dictionary<int, EntityHour>>
{
    public override Dictionary<int, EntityHour> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("An entity's hours are an object keyed by hour.");
        var hours = new Dictionary<int, EntityHour>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string key = reader.GetString()!;
            int number = int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n
                : EntityTrends.TryParseHourKey(key, out n) ? n
                : throw new JsonException($"'{key}' is not an hour.");
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("An entity hour is [mentions, articles, sentimentSum].");
            var hour = new EntityHour();
            reader.Read(); hour.Mentions = reader.GetInt32();
            reader.Read(); hour.Articles = reader.GetInt32();
            reader.Read(); hour.SentimentSum = reader.GetDouble();
            reader.Read();
            hours[number] = hour;
        }
        return hours;
    }

    public override void Write(Utf8JsonWriter writer, Dictionary<int, EntityHour> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        Span<byte> name = stackalloc byte[11];
        foreach (var (number, hour) in value)
        {
            number.TryFormat(name, out int length, provider: CultureInfo.InvariantCulture);
            writer.WritePropertyName(name[..length]);
            writer.WriteStartArray();
            writer.WriteNumberValue(hour.Mentions);
            writer.WriteNumberValue(hour.Articles);
            writer.WriteNumberValue(Math.Round(hour.SentimentSum, 4));
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }
}

/// <summary>The compact array form of <see cref="EntityArticle"/>: ingestion time to the second is enough to order by.</summary>
internal sealed class EntityArticleConverter : JsonConverter<EntityArticle>
{
    public override EntityArticle Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("An entity's article is [articleId, unixSeconds, title].");
        reader.Read(); string id = reader.GetString()!;
        reader.Read(); long at = reader.GetInt64();
        reader.Read(); string title = reader.GetString()!;
        reader.Read();
        return new EntityArticle(id, title, DateTimeOffset.FromUnixTimeSeconds(at));
    }

    public override void Write(Utf8JsonWriter writer, EntityArticle value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteStringValue(value.ArticleId);
        writer.WriteNumberValue(value.IngestedAt.ToUnixTimeSeconds());
        writer.WriteStringValue(value.Title);
        writer.WriteEndArray();
    }
}

/// <summary>Articles, their sentiment labels and score sum: per hour, per language, per publisher.</summary>
public sealed class ArticleTally
{
    public int Articles { get; set; }
    public SentimentTally Sentiment { get; set; } = new();
    public double SentimentSum { get; set; }
}

public sealed record AppliedRevision(string ArticleId, string ContentHash);

