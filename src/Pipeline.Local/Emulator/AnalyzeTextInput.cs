using System.Text.Json;
using Pipeline.Analysis.AzureLanguage;

namespace Pipeline.Local.Emulator;

/// <summary>A whole-request failure in the service's shape: <c>{"error":{"code","message","innererror":{"code","message"}}}</c>.</summary>
internal sealed record RequestFailure(int Status, string Code, string Message, string? InnerCode = null, string? InnerMessage = null)
{
    public static RequestFailure BodyFormat() => new(400, "InvalidRequest", "Invalid Request.", "InvalidRequestBodyFormat",
        "Request body format is wrong. Make sure the json request is serialized correctly and there are no null members.");

    public static RequestFailure InvalidDocumentBatch(string message) => new(400, "InvalidRequest", "Invalid Document in request.", "InvalidDocumentBatch", message);
}

/// <summary>
/// The body of <c>POST /language/:analyze-text</c> as the service reads it: <c>parameters</c> and each of its members
/// optional with the REST defaults (<c>modelVersion</c> latest, <c>stringIndexType</c> TextElements_v8), any other kind
/// or shape refused in the service's words. Read by hand rather than deserialised, so no .NET type ever reaches an answer.
/// </summary>
internal sealed record AnalyzeTextInput(LanguageKind Kind, string ModelVersion, string StringIndexType, bool OpinionMining, IReadOnlyList<InputDocument> Documents)
{
    /// <summary>Kinds the real service serves synchronously that the offline analyzer cannot answer.</summary>
    private static readonly string[] NotEmulated = ["PiiEntityRecognition"];

    public static (AnalyzeTextInput? Input, RequestFailure? Failure) Read(ReadOnlySpan<byte> body)
    {
        try
        {
            using var json = JsonDocument.Parse(body.ToArray());
            return Read(json.RootElement);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return (null, RequestFailure.BodyFormat());
        }
    }

    /// <exception cref="InvalidOperationException">A member has the wrong JSON type.</exception>
    private static (AnalyzeTextInput?, RequestFailure?) Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("kind", out var kindElement) || kindElement.ValueKind != JsonValueKind.String)
            return (null, RequestFailure.BodyFormat());
        string kindName = kindElement.GetString()!;
        if (NotEmulated.Contains(kindName))
            return (null, new RequestFailure(400, "InvalidRequest", "Invalid Request.", "InvalidParameterValue",
                $"The Language emulator does not serve kind '{kindName}'; it serves {string.Join(", ", Enum.GetNames<LanguageKind>())}."));
        if (!Enum.GetNames<LanguageKind>().Contains(kindName))
            return (null, RequestFailure.BodyFormat());
        var kind = Enum.Parse<LanguageKind>(kindName);

        string modelVersion = "latest", stringIndexType = StringIndex.Default;
        bool opinionMining = false;
        if (root.TryGetProperty("parameters", out var parameters) && parameters.ValueKind != JsonValueKind.Null)
        {
            if (parameters.ValueKind != JsonValueKind.Object) return (null, RequestFailure.BodyFormat());
            modelVersion = OptionalString(parameters, "modelVersion") ?? modelVersion;
            stringIndexType = OptionalString(parameters, "stringIndexType") ?? stringIndexType;
            opinionMining = kind == LanguageKind.SentimentAnalysis && parameters.TryGetProperty("opinionMining", out var mining) && mining.ValueKind != JsonValueKind.Null && mining.GetBoolean();
        }
        if (!StringIndex.Types.Contains(stringIndexType))
            return (null, new RequestFailure(400, "InvalidRequest", "Invalid Request.", "InvalidParameterValue",
                $"Invalid value '{stringIndexType}' for parameter 'stringIndexType'. Possible values are: {string.Join(",", StringIndex.Types)}."));

        if (!root.TryGetProperty("analysisInput", out var input) || input.ValueKind != JsonValueKind.Object
            || !input.TryGetProperty("documents", out var documents) || documents.ValueKind != JsonValueKind.Array || documents.GetArrayLength() == 0)
            return (null, new RequestFailure(400, "InvalidRequest", "Invalid Request.", "MissingInputDocuments", "Missing input documents."));
        var read = new List<InputDocument>(documents.GetArrayLength());
        foreach (var document in documents.EnumerateArray())
        {
            if (document.ValueKind != JsonValueKind.Object || OptionalString(document, "id") is not { Length: > 0 } id)
                return (null, RequestFailure.BodyFormat());
            read.Add(new InputDocument(id, OptionalString(document, "text") ?? "", OptionalString(document, "language"), OptionalString(document, "countryHint")));
        }
        return (new AnalyzeTextInput(kind, modelVersion, stringIndexType, opinionMining, read), null);
    }

    /// <exception cref="InvalidOperationException">The member is there but not a string.</exception>
    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetString() : null;
}
