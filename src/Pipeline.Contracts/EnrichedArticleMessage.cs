using System.Text.Json;

namespace Pipeline.Contracts;

/// <summary>The claim-check message for an enriched document too large for a queue message: where to read it.</summary>
public sealed record EnrichedArticleReference
{
    public int SchemaVersion { get; init; } = EnrichedArticle.CurrentSchemaVersion;
    public required string ArticleId { get; init; }
    public required string ContentHash { get; init; }

    /// <summary>"enriched/{articleId}.json"</summary>
    public required string EnrichedBlob { get; init; }

    /// <summary>As <see cref="EnrichedArticle.TraceParent"/>: the blob may hold a newer revision, the message's trace is this one.</summary>
    public string? TraceParent { get; init; }

    /// <summary>
    /// What this revision adds to the summary (a few KB), so the summarize stage need not read a large document back.
    /// Absent in references written before it existed; the summarize stage then reads the blob.
    /// </summary>
    public ArticleContribution? Contribution { get; init; }
}

/// <summary>
/// Encodes the <c>articles-enriched</c> message: the enriched document itself when it fits the 64 KB queue limit
/// after Base64, otherwise an <see cref="EnrichedArticleReference"/>.
/// </summary>
public static class EnrichedArticleMessage
{
    /// <summary>64 KiB of Base64 carries 48 KiB of bytes.</summary>
    public const int MaxInlineBytes = 64 * 1024 / 4 * 3;

    public static string BlobName(string articleId) => $"{articleId}.json";

    public static BinaryData Encode(EnrichedArticle article, ReadOnlyMemory<byte> documentJson) =>
        documentJson.Length <= MaxInlineBytes
            ? new BinaryData(documentJson)
            : BinaryData.FromObjectAsJson(
                new EnrichedArticleReference
                {
                    ArticleId = article.ArticleId,
                    ContentHash = article.ContentHash,
                    EnrichedBlob = $"{PipelineNames.EnrichedContainer}/{BlobName(article.ArticleId)}",
                    TraceParent = article.TraceParent,
                    Contribution = ArticleContribution.From(article),
                },
                PipelineJson.SerializerOptions);

    /// <summary>Either the inline document or the reference; a message that is neither throws <see cref="JsonException"/>.</summary>
    public static (EnrichedArticle? Article, EnrichedArticleReference? Reference) Decode(BinaryData message)
    {
        using var document = JsonDocument.Parse(message);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("schemaVersion", out var version) || version.GetInt32() != EnrichedArticle.CurrentSchemaVersion)
            throw new JsonException("The message is not an enriched article of schemaVersion 1.");
        return root.TryGetProperty("enrichedBlob", out _)
            ? (null, root.Deserialize(PipelineJson.Default.EnrichedArticleReference) ?? throw new JsonException("Empty reference."))
            : (root.Deserialize(PipelineJson.Default.EnrichedArticle) ?? throw new JsonException("Empty document."), null);
    }
}
