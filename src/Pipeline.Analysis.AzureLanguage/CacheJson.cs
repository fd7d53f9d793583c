using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Analysis.AzureLanguage;

/// <summary>Cached analyses (gzip JSON in the <c>analysiscache</c> table), in the contracts' JSON style.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(CamelCaseEnumConverter<SentimentLabel>)],
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(DocumentAnalysis))]
internal sealed partial class CacheJson : JsonSerializerContext;
