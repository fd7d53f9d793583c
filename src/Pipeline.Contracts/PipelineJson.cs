using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Contracts;

/// <summary>
/// The JSON shape of every document the pipeline hands to others: camelCase names, camelCase enum strings, nulls left out.
/// The stages' own stored state uses the same options (<see cref="CamelCaseEnumConverter{TEnum}"/>).
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(CamelCaseEnumConverter<SentimentLabel>)],
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(EnrichedArticle))]
[JsonSerializable(typeof(EnrichedArticleReference))]
[JsonSerializable(typeof(SummaryDocument))]
[JsonSerializable(typeof(ArticleContribution))]
[JsonSerializable(typeof(QuarantineRecord))]
public sealed partial class PipelineJson : JsonSerializerContext
{
    /// <summary>Options carrying this context, for APIs that take options (BinaryData, ToObjectFromJson).</summary>
    public static JsonSerializerOptions SerializerOptions => Default.Options;
}

/// <summary>Enum values as the Language service writes them: "positive", not "Positive".</summary>
/// <typeparam name="TEnum">The enum written as a camelCase string.</typeparam>
public sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase)
    where TEnum : struct, Enum;
