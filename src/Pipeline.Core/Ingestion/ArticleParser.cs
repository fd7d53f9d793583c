using System.Globalization;

namespace Pipeline.Core.Ingestion;

/// <summary>Chooses the format parser by file extension and turns decoded bytes into a normalised <see cref="ParsedArticle"/>.</summary>
public static class ArticleParser
{
    private const int MaxTitleLength = 300;

    public static ParsedArticle Parse(string name, ReadOnlySpan<byte> content)
    {
        string extension = Path.GetExtension(name).ToLowerInvariant();
        Func<string, RawArticle> parse = extension switch
        {
            ".txt" or ".text" => PlainTextFormat.Parse,
            ".md" or ".markdown" => MarkdownFormat.Parse,
            ".html" or ".htm" => HtmlFormat.Parse,
            ".json" => JsonFormat.Parse,
            _ => throw new ArticleRejectedException(RejectionReason.UnsupportedFormat,
                $"'{extension}' is not a supported article format (.txt, .md, .html, .json)."),
        };

        string decoded = ArticleDecoder.Decode(content);
        if (string.IsNullOrWhiteSpace(decoded))
            throw new ArticleRejectedException(RejectionReason.Empty, "The file holds only whitespace.");

        var raw = parse(decoded);
        string body = TextNormalizer.Normalize(raw.Body);
        string title = TextNormalizer.Normalize(raw.Title ?? string.Empty).Replace('\n', ' ');
        if (body.Length == 0 && title.Length == 0)
            throw new ArticleRejectedException(RejectionReason.Empty, "The article has no text.");

        string text = title.Length == 0 ? body
            : body.Length == 0 || body.StartsWith(title, StringComparison.Ordinal) ? (body.Length == 0 ? title : body)
            : title + "\n\n" + body;
        if (title.Length == 0)
            title = FirstLine(body);

        return new ParsedArticle
        {
            Title = Shorten(title),
            Text = text,
            Format = extension.TrimStart('.'),
            Url = Clean(raw.Url),
            Publisher = Clean(raw.Source),
            PublishedAt = ParseDate(raw.PublishedAt),
            Language = Clean(raw.Language)?.ToLowerInvariant(),
            ExternalId = Clean(raw.Id),
        };
    }

    private static string FirstLine(string text)
    {
        int end = text.IndexOf('\n');
        return end < 0 ? text : text[..end];
    }

    /// <summary>Titles are for display; a .txt whose first line is a whole paragraph gets its first words, cut at a word boundary.</summary>
    private static string Shorten(string title)
    {
        if (title.Length <= MaxTitleLength)
            return title;
        int cut = title.LastIndexOf(' ', MaxTitleLength - 1);
        return title[..(cut > MaxTitleLength / 2 ? cut : ClusterBoundaryBefore(title, MaxTitleLength - 1))].TrimEnd(',', ';', ':', ' ') + "…";
    }

    /// <summary>
    /// The last grapheme-cluster boundary at or before <paramref name="limit"/>: a plain cut at the limit could split a
    /// surrogate pair (a lone surrogate is not valid UTF-8 or JSON) or a cluster (half a flag, a letter without its accent).
    /// </summary>
    private static int ClusterBoundaryBefore(string text, int limit)
    {
        int end = 0;
        for (int next; end < text.Length && (next = end + StringInfo.GetNextTextElementLength(text.AsSpan(end))) <= limit; end = next) { }
        // One cluster longer than the limit (a letter under hundreds of marks): cut it between code points instead.
        return end > 0 ? end : char.IsLowSurrogate(text[limit]) ? limit - 1 : limit;
    }

    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        string normalized = TextNormalizer.Normalize(value).Replace('\n', ' ');
        return normalized.Length > 2048 ? normalized[..2048] : normalized;
    }

    private static DateTimeOffset? ParseDate(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed
            : null;
}

/// <summary>What a format parser hands back before normalisation.</summary>
internal sealed record RawArticle(string? Title, string Body)
{
    public string? Url { get; init; }
    public string? Source { get; init; }
    public string? PublishedAt { get; init; }
    public string? Language { get; init; }
    public string? Id { get; init; }
}
