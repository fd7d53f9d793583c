using System.Text.Json;

namespace Pipeline.Ingestion.Parsing;

/// <summary>.json: <c>{title, body|text, url?, source?, publishedAt?, language?, id?}</c>.</summary>
internal static class JsonFormat
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static RawArticle Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw new ArticleRejectedException(RejectionReason.MalformedJson, $"The JSON does not parse: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new ArticleRejectedException(RejectionReason.MalformedJson,
                    $"The JSON's top level is {root.ValueKind.ToString().ToLowerInvariant()}; an article is an object with title and body.");

            string? body = String(root, "body") ?? String(root, "text");
            if (string.IsNullOrWhiteSpace(body))
                throw new ArticleRejectedException(RejectionReason.MissingBody, "The JSON article has neither a 'body' nor a 'text' string.");

            return new RawArticle(String(root, "title"), body)
            {
                Url = String(root, "url"),
                Source = String(root, "source"),
                PublishedAt = String(root, "publishedAt"),
                Language = String(root, "language"),
                Id = root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number ? id.GetRawText() : String(root, "id"),
            };
        }
    }

    private static string? String(JsonElement root, string name)
    {
        try
        {
            foreach (var property in root.EnumerateObject())
            {
                if (property.NameEquals(name) || string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                    return property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
            }
            return null;
        }
        catch (InvalidOperationException e)
        {
            // JSON's \u escapes can spell a lone surrogate ("\uDC00"); System.Text.Json parses the document but will not
            // turn such a value or property name into a string. The file will never parse: quarantine it, don't retry it.
            throw new ArticleRejectedException(RejectionReason.MalformedJson, $"The JSON has a string that is not valid UTF-16: {e.Message}");
        }
    }
}
