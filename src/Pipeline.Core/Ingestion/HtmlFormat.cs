using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Pipeline.Core.Ingestion;

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

    public static RawArticle Parse(string html)
    {
        using var document = Parser.ParseDocument(html);
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

    private static string? Meta(IDocument document, string property) =>
        document.QuerySelector($"meta[property='{property}']")?.GetAttribute("content");

    private static void AppendText(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText textNode)
            {
                text.Append(textNode.Data);
            }
            else if (child is IElement element)
            {
                bool block = BlockElements.Contains(element.LocalName);
                if (block) text.Append("\n\n");
                AppendText(element, text);
                if (block) text.Append("\n\n");
            }
        }
    }
}
