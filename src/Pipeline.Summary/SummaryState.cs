using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

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
    [JsonConverter(typeof(EntitiesConverter))]
    public Dictionary<string, EntityAggregate> Entities { get; set; } = new(StringComparer.Ordinal);
    public Dictionary<string, ArticleTally> Hours { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Counted articles per ISO 639-1 language code.</summary>
    public Dictionary<string, ArticleTally> Languages { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Counted articles per publisher (<see cref="SummaryAggregator.PublisherOf"/>), at most <see cref="SummaryOptions.MaxTrackedPublishers"/>.</summary>
    public Dictionary<string, ArticleTally> Publishers { get; set; } = new(StringComparer.Ordinal);
    public List<LatestArticle> Latest { get; set; } = [];
    public List<AppliedRevision> LastBatch { get; set; } = [];

    /// <summary>
    /// The oldest entity hour the last <see cref="SummaryAggregator.Trim"/> kept; entities unchanged since then need no
    /// trimming until the hour moves on. Not stored: a state read back is trimmed in full once.
    /// </summary>
    [JsonIgnore]
    internal int EntityHoursTrimmedBefore { get; set; }
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

    /// <summary>
    /// This entity's JSON as last written to state.json, or null when it changed since. A fold touches the entities of
    /// its articles only, so the others are copied into the next write instead of serialised again.
    /// </summary>
    [JsonIgnore]
    internal byte[]? WrittenJson { get; set; }

    /// <summary>Whether it changed since it was last written (or was never written).</summary>
    internal bool Changed => WrittenJson is null;

    internal void MarkChanged() => WrittenJson = null;
}

/// <summary>One entity's share of one hour; stored as <c>[mentions, articles, sentimentSum]</c>, since there is one per entity and hour.</summary>
public struct EntityHour
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
            int number = HourNumber(ref reader);
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

    /// <summary>The hour number a key names, read from its bytes: a state holds a key per entity and hour.</summary>
    private static int HourNumber(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && Utf8Parser.TryParse(reader.ValueSpan, out int number, out int read) && read == reader.ValueSpan.Length && number >= 0)
            return number;
        string key = reader.GetString()!;
        return EntityTrends.TryParseHourKey(key, out number) ? number : throw new JsonException($"'{key}' is not an hour.");
    }

    /// <summary>
    /// Formatted by hand and written as one raw value: a state holds an entry per entity and hour, and through the
    /// writer's token calls these entries were most of the state's serialisation time.
    /// </summary>
    public override void Write(Utf8JsonWriter writer, Dictionary<int, EntityHour> value, JsonSerializerOptions options)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(2 + value.Count * MaxEntryBytes);
        var text = buffer.AsSpan();
        int at = 0;
        text[at++] = (byte)'{';
        foreach (var (number, hour) in value)
        {
            if (at > 1) text[at++] = (byte)',';
            text[at++] = (byte)'"';
            at += Format(number, text[at..]);
            "\":["u8.CopyTo(text[at..]);
            at += 3;
            at += Format(hour.Mentions, text[at..]);
            text[at++] = (byte)',';
            at += Format(hour.Articles, text[at..]);
            text[at++] = (byte)',';
            at += FormatFourDecimals(hour.SentimentSum, text[at..]);
            text[at++] = (byte)']';
        }
        text[at++] = (byte)'}';
        writer.WriteRawValue(text[..at], skipInputValidation: true);
        ArrayPool<byte>.Shared.Return(buffer);
    }

    /// <summary>The longest entry: <c>"-2147483648":[-2147483648,-2147483648,</c> and a 4-decimal sum, with a comma.</summary>
    private const int MaxEntryBytes = 80;

    private static int Format(int value, Span<byte> into)
    {
        value.TryFormat(into, out int length, provider: CultureInfo.InvariantCulture);
        return length;
    }

    /// <summary>
    /// A sum of scores that have 4 decimals as <c>Math.Round(sum, 4)</c> prints it ("-1.25", "3"), without the cost of a
    /// double's shortest round-trip formatting.
    /// </summary>
    internal static int FormatFourDecimals(double value, Span<byte> into)
    {
        // The text goes into the JSON unchecked: NaN or infinity would make it unreadable, so they stop the write.
        if (!double.IsFinite(value))
            throw new InvalidOperationException($"A sentiment sum of {value} cannot be written.");
        if (Math.Abs(value) >= 1e14) // past what a long holds at 4 decimals, the standard way
            return Math.Round(value, 4).TryFormat(into, out int written, provider: CultureInfo.InvariantCulture) ? written : throw new ArgumentException("The buffer is too small.", nameof(into));
        long scaled = (long)Math.Round(value * 10_000);
        int at = 0;
        if (scaled < 0) into[at++] = (byte)'-';
        ulong magnitude = (ulong)Math.Abs(scaled);
        (magnitude / 10_000).TryFormat(into[at..], out int whole, provider: CultureInfo.InvariantCulture);
        at += whole;
        int fraction = (int)(magnitude % 10_000);
        if (fraction == 0) return at;
        into[at++] = (byte)'.';
        for (int divisor = 1000; fraction != 0; divisor /= 10)
        {
            into[at++] = (byte)('0' + fraction / divisor);
            fraction %= divisor;
        }
        return at;
    }
}

/// <summary>
/// The entities of <see cref="SummaryState.Entities"/>, each written from <see cref="EntityAggregate.WrittenJson"/>
/// when it has not changed since the last write.
/// </summary>
internal sealed class EntitiesConverter : JsonConverter<Dictionary<string, EntityAggregate>>
{
    public override Dictionary<string, EntityAggregate> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("The entities are an object keyed by summary key.");
        var info = EntityInfo(options);
        var entities = new Dictionary<string, EntityAggregate>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string key = reader.GetString()!;
            reader.Read();
            entities[key] = JsonSerializer.Deserialize(ref reader, info) ?? throw new JsonException($"Entity '{key}' is null.");
        }
        return entities;
    }

    public override void Write(Utf8JsonWriter writer, Dictionary<string, EntityAggregate> value, JsonSerializerOptions options)
    {
        var info = EntityInfo(options);
        writer.WriteStartObject();
        foreach (var (key, entity) in value)
        {
            writer.WritePropertyName(key);
            entity.WrittenJson ??= JsonSerializer.SerializeToUtf8Bytes(entity, info);
            writer.WriteRawValue(entity.WrittenJson, skipInputValidation: true);
        }
        writer.WriteEndObject();
    }

    private static JsonTypeInfo<EntityAggregate> EntityInfo(JsonSerializerOptions options) =>
        (JsonTypeInfo<EntityAggregate>)options.GetTypeInfo(typeof(EntityAggregate));
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

