using System.Text.Json;

namespace Pipeline.Contracts;

/// <summary>The claim-check message for an enriched document too large for a queue message: where to read it.</summary>
public sealed record EnrichedArticleReference
{
    /// <summary>Always 1, as <see cref="EnrichedArticle.SchemaVersion"/>.</summary>
    public int SchemaVersion { get; init; } = EnrichedArticle.CurrentSchemaVersion;

    /// <summary>The article, as <see cref="EnrichedArticle.ArticleId"/>.</summary>
    public required string ArticleId { get; init; }

    /// <summary>
    /// The revision this message announces. The blob can already hold a newer revision of the article: compare its
    /// <see cref="EnrichedArticle.ContentHash"/> when this exact revision matters.
    /// </summary>
    public required string ContentHash { get; init; }

    /// <summary>Where the full document is: <c>enriched/{articleId}.json</c>, container then blob name.</summary>
    public required string EnrichedBlob { get; init; }

    /// <summary>As <see cref="EnrichedArticle.TraceParent"/>: the blob may hold a newer revision, the message's trace is this one.</summary>
    public string? TraceParent { get; init; }

    /// <summary>What this revision adds to the summary (a few KB), so the summarize stage need not read a large document back.</summary>
    public required ArticleContribution Contribution { get; init; }
}

/// <summary>
/// Encodes the <c>articles-enriched</c> message: the enriched document itself when it fits the 64 KB queue limit
/// after Base64, otherwise an <see cref="EnrichedArticleReference"/>.
/// </summary>
public static class EnrichedArticleMessage
{
    /// <summary>The largest document sent inline, in bytes of JSON: 64 KiB of Base64 carries 48 KiB of bytes.</summary>
    public const int MaxInlineBytes = 64 * 1024 / 4 * 3;

    /// <summary>The enriched document's blob name in the <c>enriched</c> container.</summary>
    /// <param name="articleId">The article's id.</param>
    /// <returns><c>{articleId}.json</c>.</returns>
    public static string BlobName(string articleId) => $"{articleId}.json";

    /// <summary>The message for one revision: the document itself when it fits, else a reference to its blob.</summary>
    /// <param name="article">The enriched article.</param>
    /// <param name="documentJson">The article serialised with <see cref="PipelineJson"/>, as stored in its blob.</param>
    /// <returns>The message body as JSON bytes, before the queue's Base64.</returns>
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
    /// <param name="message">The message body as JSON bytes, after the queue's Base64 is decoded.</param>
    /// <returns>Exactly one of the two, the other null.</returns>
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
