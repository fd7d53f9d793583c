using System.Globalization;
using System.Net.Mime;

namespace Pipeline.Ingestion.Parsing;

/// <summary>
/// Chooses the format parser by file extension, or by the blob's Content-Type when the name has none that is known
/// (wire feeds often name files without one), and turns the bytes into a normalised <see cref="ParsedArticle"/>.
/// </summary>
public static class ArticleParser
{
    private const int MaxTitleLength = 300;

    public static ParsedArticle Parse(string name, ReadOnlySpan<byte> content, string? contentType = null)
    {
        var declared = ParseContentType(contentType);
        var (format, parse) = FormatOf(Path.GetExtension(name).ToLowerInvariant(), declared?.MediaType);

        // The HTML standard's order: byte order mark (the decoder's first check), the transport's charset, then the page's own.
        string decoded = declared?.CharSet is null && format is "html" or "htm" && HtmlCharset.Prescan(content) is { } metaCharset
            ? ArticleDecoder.Decode(content, metaCharset, "the page's <meta> charset")
            : ArticleDecoder.Decode(content, declared?.CharSet);
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
            Format = format,
            Url = Clean(raw.Url),
            Publisher = Clean(raw.Source),
            PublishedAt = ParseDate(raw.PublishedAt),
            Language = Clean(raw.Language)?.ToLowerInvariant(),
            ExternalId = Clean(raw.Id),
        };
    }

    private static readonly Dictionary<string, (string Format, Func<string, RawArticle> Parse)> ByExtension = new(StringComparer.Ordinal)
    {
        [".txt"] = ("txt", PlainTextFormat.Parse), [".text"] = ("text", PlainTextFormat.Parse),
        [".md"] = ("md", MarkdownFormat.Parse), [".markdown"] = ("markdown", MarkdownFormat.Parse),
        [".html"] = ("html", HtmlFormat.Parse), [".htm"] = ("htm", HtmlFormat.Parse),
        [".json"] = ("json", JsonFormat.Parse),
    };

    private static readonly Dictionary<string, (string Format, Func<string, RawArticle> Parse)> ByMediaType = new(StringComparer.Ordinal)
    {
        ["text/plain"] = ("txt", PlainTextFormat.Parse),
        ["text/markdown"] = ("md", MarkdownFormat.Parse), ["text/x-markdown"] = ("md", MarkdownFormat.Parse),
        ["text/html"] = ("html", HtmlFormat.Parse), ["application/xhtml+xml"] = ("html", HtmlFormat.Parse),
        ["application/json"] = ("json", JsonFormat.Parse), ["text/json"] = ("json", JsonFormat.Parse),
    };

    /// <summary>A known extension decides; otherwise the declared media type (any <c>+json</c> type is JSON).</summary>
    private static (string Format, Func<string, RawArticle> Parse) FormatOf(string extension, string? mediaType)
    {
        if (ByExtension.TryGetValue(extension, out var byExtension))
            return byExtension;
        if (mediaType is not null && ByMediaType.TryGetValue(mediaType, out var byMediaType))
            return byMediaType;
        if (mediaType?.EndsWith("+json", StringComparison.Ordinal) == true)
            return ByMediaType["application/json"];
        throw new ArticleRejectedException(RejectionReason.UnsupportedFormat, mediaType is null
            ? $"'{extension}' is not a supported article format (.txt, .md, .html, .json), and the blob declares no Content-Type to go by."
            : $"'{extension}' is not a supported article format (.txt, .md, .html, .json), nor is Content-Type '{mediaType}' (text/plain, text/markdown, text/html, application/json).");
    }

    /// <summary>
    /// A missing or unparseable header declares nothing; clients that upload without one send <c>application/octet-stream</c>,
    /// which names no format either.
    /// </summary>
    private static ContentType? ParseContentType(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return null;
        try
        {
            var parsed = new ContentType(header);
            parsed.MediaType = parsed.MediaType.ToLowerInvariant();
            return parsed;
        }
        catch (FormatException)
        {
            return null;
        }
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
