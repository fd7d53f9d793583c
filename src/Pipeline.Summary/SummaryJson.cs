using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Summary;

/// <summary>The summary's own stored state (<c>summaries/state.json</c>) and the deleted-blob events it writes, in the contracts' JSON style.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(CamelCaseEnumConverter<SentimentLabel>)],
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(SummaryState))]
[JsonSerializable(typeof(DeletedBlobData))]
internal sealed partial class SummaryJson : JsonSerializerContext;
