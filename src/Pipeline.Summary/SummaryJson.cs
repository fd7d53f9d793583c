using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Summary;

/// <summary>The summary's own stored state (<c>summaries/state.json</c>), in the contracts' JSON style.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(CamelCaseEnumConverter<SentimentLabel>)],
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(SummaryState))]
internal sealed partial class SummaryJson : JsonSerializerContext;
