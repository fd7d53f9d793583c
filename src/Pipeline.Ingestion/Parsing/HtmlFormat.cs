using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Pipeline.Ingestion.Parsing;

/// <summary>
/// .html, with AngleSharp: the title from &lt;title&gt; (else the first &lt;h1&gt;), the text from the article body
/// (&lt;article&gt;, else &lt;main&gt;, else &lt;body&gt;) without scripts, styles, navigation and other page furniture.
/// </summary>
internal static class HtmlFormat
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    private static readonly string[] Furniture =
        ["script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe", "svg", "canvas", "button", "select", "object", "embed", "[hidden]", "[aria-hidden=true]"];

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote",
        "pre", "table", "tr", "figure", "figcaption", "dl", "dt", "dd", "br", "hr",
    };

    /// <summary>Real pages nest a few dozen elements deep; the HTML5 tree builder slows quadratically with depth.</summary>
    internal const int MaxNesting = 512;

    /// <summary>
    /// Each element costs a few hundred bytes of DOM, so a 10 MB page of bare tags would need more than a gigabyte;
    /// a long real article page has tens of thousands.
    /// </summary>
    internal const int MaxElements = 500_000;

    private static readonly HashSet<string> VoidOrOptionalClose = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
        "p", "li", "td", "th", "tr", "dt", "dd", "option",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NotCounted = VoidOrOptionalClose.GetAlternateLookup<ReadOnlySpan<char>>();

    public static RawArticle Parse(string html)
    {
        var (depth, elements) = Shape(html);
        if (depth > MaxNesting)
            throw new ArticleRejectedException(RejectionReason.TooComplex, $"The HTML nests elements more than {MaxNesting} deep.");
        if (elements > MaxElements)
            throw new ArticleRejectedException(RejectionReason.TooComplex, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The HTML has {elements:N0} elements, more than the {MaxElements:N0} a page may have."));

        using var document = ParseDocument(html);
        string? title = document.Title?.Trim();
        var firstHeading = document.QuerySelector("h1");
        if (string.IsNullOrWhiteSpace(title))
            title = firstHeading?.TextContent.Trim();

        foreach (var element in document.QuerySelectorAll(string.Join(',', Furniture)).ToList())
            element.Remove();

        var root = document.QuerySelector("article") ?? document.QuerySelector("main") ?? document.QuerySelector("[role=main]") ?? document.Body;
        var text = new StringBuilder();
        if (root is not null)
        {
            // The page heading repeats the title; the title is prepended once by the parser.
            root.QuerySelector("h1")?.Remove();
            AppendText(root, text);
        }

        // A page of furniture with a title but no article text is not an article.
        if (string.IsNullOrWhiteSpace(text.ToString()))
            throw new ArticleRejectedException(RejectionReason.NoText, "The HTML page has no article text once scripts, styles and navigation are removed.");

        return new RawArticle(title, text.ToString())
        {
            Url = document.QuerySelector("link[rel=canonical]")?.GetAttribute("href") ?? Meta(document, "og:url"),
            Source = Meta(document, "og:site_name"),
            PublishedAt = Meta(document, "article:published_time") ?? document.QuerySelector("time[datetime]")?.GetAttribute("datetime"),
            Language = document.DocumentElement.GetAttribute("lang"),
        };
    }

    /// <summary>
    /// From the tags alone, before any DOM is built: the number of start tags, and a cheap upper bound on element nesting
    /// (elements that are void or commonly left open are not counted for it, so sloppy but ordinary pages stay far below the limit).
    /// </summary>
    private static (int Depth, int Elements) Shape(string html)
    {
        int depth = 0, max = 0, elements = 0;
        for (int i = html.IndexOf('<'); i >= 0 && i < html.Length - 1; i = html.IndexOf('<', i + 1))
        {
            if (html[i + 1] is '!' or '?') continue; // comments, doctype, processing instructions
            bool closing = html[i + 1] == '/';
            int start = closing ? i + 2 : i + 1;
            int end = start;
            while (end < html.Length && char.IsAsciiLetterOrDigit(html[end])) end++;
            if (end == start) continue;
            if (!closing) elements++;
            if (NotCounted.Contains(html.AsSpan(start, end - start))) continue;
            int close = html.IndexOf('>', end);
            if (close > 0 && html[close - 1] == '/') continue;
            depth = closing ? Math.Max(0, depth - 1) : depth + 1;
            max = Math.Max(max, depth);
        }
        return (max, elements);
    }

    /// <summary>
    /// AngleSharp's tree builder can throw on some malformed markup (fuzzing found a NullReferenceException in its
    /// adoption-agency step); such a page will never parse, so it is rejected rather than retried into the poison queue.
    /// </summary>
    private static AngleSharp.Html.Dom.IHtmlDocument ParseDocument(string html)
    {
        try
        {
            return Parser.ParseDocument(html);
        }
        catch (Exception e) when (e is NullReferenceException or InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            throw new ArticleRejectedException(RejectionReason.MalformedHtml, $"The HTML parser could not build a document ({e.GetType().Name}).");
        }
    }

    private static string? Meta(IDocument document, string property) =>
        document.QuerySelector($"meta[property='{property}']")?.GetAttribute("content");

    /// <summary>Depth-first, with an explicit stack: hostile pages nest 100,000 elements deep.</summary>
    private static void AppendText(INode root, StringBuilder text)
    {
        var stack = new Stack<(INode Node, bool Closing)>();
        for (int i = root.ChildNodes.Length - 1; i >= 0; i--) stack.Push((root.ChildNodes[i], false));
        while (stack.TryPop(out var item))
        {
            if (item.Closing) { text.Append("\n\n"); continue; }
            if (item.Node is IText textNode) { text.Append(textNode.Data); continue; }
            if (item.Node is not IElement element) continue;

            bool block = BlockElements.Contains(element.LocalName);
            if (block)
            {
                text.Append("\n\n");
                stack.Push((element, true));
            }
            for (int i = element.ChildNodes.Length - 1; i >= 0; i--) stack.Push((element.ChildNodes[i], false));
        }
    }
}
