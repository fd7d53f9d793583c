using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Core.Analysis;
using Pipeline.Core.Storage;
using Pipeline.Core.Summary;

namespace Pipeline.Core.Enrichment;

/// <summary>The JSON shape of every document the pipeline writes: camelCase names, camelCase enum strings, nulls left out.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(CamelCaseEnumConverter<SentimentLabel>)],
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(EnrichedArticle))]
[JsonSerializable(typeof(EnrichedArticleReference))]
[JsonSerializable(typeof(SummaryDocument))]
[JsonSerializable(typeof(SummaryState))]
[JsonSerializable(typeof(ArticleContribution))]
[JsonSerializable(typeof(QuarantineRecord))]
[JsonSerializable(typeof(DocumentAnalysis))]
public sealed partial class PipelineJson : JsonSerializerContext
{
    /// <summary>Options carrying this context, for APIs that take options (BinaryData, ToObjectFromJson).</summary>
    public static JsonSerializerOptions SerializerOptions => Default.Options;
}

/// <summary>Enum values as the Language service writes them: "positive", not "Positive".</summary>
internal sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase)
    where TEnum : struct, Enum;
