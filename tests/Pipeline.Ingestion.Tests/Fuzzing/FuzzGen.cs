using System.Text;
using CsCheck;

namespace Pipeline.Ingestion.Tests.Fuzzing;

/// <summary>
/// Generators for the fuzz properties. Raw bytes rarely get past the decoder, so most generators build text that does:
/// valid UTF-8 with the awkward parts of Unicode, and Markdown, HTML and JSON built from their own grammar (valid or not).
/// </summary>
internal static class FuzzGen
{
    /// <summary>Pieces that trip text code up: emoji sequences, combining marks, RTL, controls, format characters, abbreviations.</summary>
    private static readonly string[] Awkward =
    [
        "👍🏽", "👨‍👩‍👧‍👦", "🇺🇦", "🇺", "❤️", "\uD83D\uDE00", "\u200D", "\uFE0F", "\u20E3",
        "e\u0301", "\u0301", "\u0308\u0316", "a\u0316\u0301", "\u1100\u1161\u11A8", "\u1100", "\u1161", "क्षि", "\u0915\u094D",
        "مرحبا", "שלום", "\u202E", "\u202C", "\u200F", "\u0600", "\u061F",
        "\u0000", "\u0001", "\u0007", "\u001B", "\u007F", "\u0085", "\u009F",
        "\u200B", "\uFEFF", "\u00AD", "\u2028", "\u2029", "\u00A0", "\u3000", "\u2003",
        "日本語", "。", "！", "…", "Ⅻ", "𝔘𝔫𝔦", "İstanbul", "ǅ", "ß", "Ω", "\u212B", "\uFB01",
    ];

    private static readonly string[] Words =
    [
        "Ukraine", "NATO", "President", "Zelensky", "said", "fell", "rose", "12%", "$5bn", "1,000", "12.5", "billion", "on", "Monday",
        "Mr.", "Dr.", "U.S.", "J.", "K.", "Rowling", "Russia's", "don't", "war-torn", "the", "a", "Bank", "of", "England", "Inc.",
        "Apple", "London", "Kyiv", "good", "terrible", "great", "killed", "not", "very", "New", "York", "Times", "45-year-old",
    ];

    private static readonly string[] Punctuation = [".", "!", "?", ",", ";", ":", "'", "\"", "(", ")", "[", "]", "-", "—", "“", "”", "’", "»", "...", "#", "*", "_", "`", "<", ">", "&", "/", "\\", "{", "}"];

    private static readonly string[] Spaces = [" ", " ", " ", "  ", "\t", "\n", "\n\n", "\n\n\n", "\r\n", "\r", "\r\n\r\n", "\f", "\v", " \n "];

    /// <summary>A random BMP character that is not a surrogate, or a random astral code point.</summary>
    public static readonly Gen<string> AnyScalar = Gen.Frequency(
        (4, Gen.Int[0, 0xFFFF].Where(c => c is < 0xD800 or > 0xDFFF).Select(c => ((char)c).ToString())),
        (1, Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32)));

    private static readonly Gen<string> Piece = Gen.Frequency(
        (6, Gen.OneOf(Words)),
        (5, Gen.OneOf(Spaces)),
        (3, Gen.OneOf(Punctuation)),
        (3, Gen.OneOf(Awkward)),
        (1, AnyScalar));

    /// <summary>Valid UTF-16 (so valid UTF-8 once encoded) built from words, spaces, punctuation and awkward Unicode.</summary>
    public static readonly Gen<string> Text = Piece.Array[0, 80].Select(string.Concat);

    public static readonly Gen<string> LongText = Piece.Array[0, 400].Select(string.Concat);

    /// <summary>Any UTF-16 string at all, lone surrogates included: what the analyzer must survive.</summary>
    public static readonly Gen<string> AnyUtf16 = Gen.Frequency(
        (3, Gen.Char.Array[0, 200].Select(chars => new string(chars))),
        (1, Gen.Int[0xD800, 0xDFFF].Select(c => (char)c).Array[0, 20].Select(chars => new string(chars))));

    /// <summary>Structured text, or any UTF-16 at all.</summary>
    public static readonly Gen<string> AnyText = Gen.Frequency((4, Text), (1, LongText), (1, AnyUtf16));

    /// <summary>A first line of 150 to 700 characters with few or no spaces (a title that has to be cut), then a body.</summary>
    public static readonly Gen<string> LongFirstLine = Gen.Select(
        Gen.OneOf("a", "Ukraine", "👍🏽", "👨‍👩‍👧‍👦", "🇺🇦", "e\u0301", "\uD83D\uDE00", "日本", "-", ",", "\u0915\u094D\u0937").Array[150, 400],
        Gen.Int[0, 200],
        Text,
        (title, spaceEvery, body) => string.Concat(title.Select((piece, i) => spaceEvery > 0 && i % spaceEvery == 0 ? " " + piece : piece)) + "\n" + body);

    // ---------------------------------------------------------------- Markdown

    private static readonly string[] FrontMatterKeys = ["title", "Title", "url", "source", "date", "publishedAt", "language", "lang", "id", "tags", "", " title ", "title:"];

    private static readonly Gen<string> FrontMatterValue = Gen.Frequency(
        (4, Text.Select(t => t.Replace("\n", " ").Replace("\r", " "))),
        (1, Gen.OneOf("2024-05-01", "2024-05-01T10:00:00Z", "not a date", "\"quoted\"", "'single'", "\"", "''", "https://example.com/a?b=c", "31/12/9999", "0001-01-01T00:00:00-14:00", "9999-12-31T23:59:59+14:00")));

    private static readonly Gen<string> FrontMatterLine = Gen.Frequency(
        (6, Gen.Select(Gen.OneOf(FrontMatterKeys), Gen.OneOf(": ", ":", " : ", ":: "), FrontMatterValue, (k, sep, v) => k + sep + v)),
        (1, Text.Select(t => t.Replace("\n", " "))),
        (1, Gen.OneOf("---x", "--", "- - -", "", "#comment")));

    private static readonly Gen<string> FrontMatter = Gen.Select(
        Gen.OneOf("", "\uFEFF", "\n\n", " ", "\r\n"),
        Gen.OneOf("---", "--- ", "---\t", "----", "---x"),
        FrontMatterLine.Array[0, 8],
        Gen.OneOf("---", "--- ", "", "...", "----"),
        (lead, open, lines, close) => lead + open + "\n" + string.Join("\n", lines) + "\n" + close + "\n");

    private static readonly Gen<string> MarkdownLine = Gen.Frequency(
        (6, Text),
        (2, Gen.Select(Gen.OneOf("#", "##", "###", "######", "#######", " #", "    #", "#\t"), Gen.OneOf(" ", "", "  "), Text, Gen.OneOf("", " #", " ###", "#"), (h, s, t, c) => h + s + t + c)),
        (2, Gen.Select(Gen.OneOf("- ", "* ", "+ ", "1. ", "2) ", "1234567890. ", "> ", "> > ", ">", "   - "), Text, (p, t) => p + t)),
        (1, Gen.OneOf("```", "```csharp", "~~~", "  ```", "***", "- - -", "___", "* * * *", "---", "--", "")),
        (2, Gen.Select(Text, Text, Text, (a, b, c) => Gen.OneOf(
            $"[{a}]({b}) {c}", $"![{a}]({b}){c}", $"**{a}** _{b}_ `{c}`", $"<b>{a}</b><img src=\"{b}\"/>{c}", $"[{a}]({b}", $"*{a}*{b}__{c}", $"[{a}][{b}]")).SelectMany(g => g)));

    public static readonly Gen<string> Markdown = Gen.Select(
        Gen.Frequency((2, FrontMatter), (1, Gen.Const(""))),
        MarkdownLine.Array[0, 25],
        Gen.OneOf("\n", "\r\n", "\n\n"),
        (front, lines, newline) => front + string.Join(newline, lines));

    // ---------------------------------------------------------------- HTML

    private static readonly string[] Tags =
    [
        "html", "head", "body", "title", "article", "main", "div", "p", "span", "a", "b", "i", "em", "strong", "h1", "h2", "h3",
        "ul", "ol", "li", "table", "tbody", "tr", "td", "th", "br", "hr", "img", "script", "style", "nav", "header", "footer",
        "aside", "template", "noscript", "svg", "math", "pre", "code", "blockquote", "section", "figure", "figcaption", "dl",
        "dt", "dd", "form", "button", "select", "option", "iframe", "meta", "link", "time", "textarea", "xmp", "plaintext",
        "frameset", "object", "custom-tag", "DIV", "P",
    ];

    private static readonly Gen<string> Attribute = Gen.Frequency(
        (3, Gen.OneOf(
            " lang=\"en\"", " lang=fr", " class=x", " hidden", " aria-hidden=\"true\"", " role=main", " rel=canonical",
            " href=\"https://example.com/\"", " property=\"og:site_name\"", " property='og:url'", " property=\"article:published_time\"",
            " content=\"Example News\"", " content=\"2024-05-01T10:00:00Z\"", " datetime=\"2024-05-01\"", " datetime=garbage",
            " src=x onerror=alert(1)", " style=\"display:none\"", " =", " \"", " a='b", " /")),
        (1, Gen.Select(Gen.OneOf("title", "content", "lang", "href", "data-x"), Text, (n, v) => $" {n}=\"{v.Replace("\"", "&quot;")}\"")));

    private static readonly Gen<string> HtmlLeaf = Gen.Frequency(
        (6, Text.Select(System.Net.WebUtility.HtmlEncode)),
        (2, Text),
        (1, Gen.OneOf(
            "&amp;", "&nbsp;", "&#x1F600;", "&#0;", "&#1;", "&#xD800;", "&#x110000;", "&#128;", "&#9999999999;", "&bogus;", "&",
            "<!-- comment -->", "<!-- unclosed", "<!DOCTYPE html>", "<?xml version=\"1.0\"?>", "<![CDATA[x]]>", "<", "</", "< p>",
            "</p>", "</div>", "</body>", "</html>", "<br/>", "<p/>", "<div/>", "<script>alert(1)</script>", "<script>", "<style>p{}</style>",
            "<title>Second title</title>", "<h1>Heading</h1>")));

    private static Gen<string> HtmlNode(int depth) => depth == 0 ? HtmlLeaf : Gen.Frequency(
        (3, HtmlLeaf),
        (2, Gen.Select(Gen.OneOf(Tags), Attribute.Array[0, 3], HtmlNode(depth - 1).Array[0, 4], Gen.Int[0, 9],
            (tag, attributes, children, close) => $"<{tag}{string.Concat(attributes)}>{string.Concat(children)}" + (close switch
            {
                0 => "", // unclosed
                1 => $"</{Tags[(tag.Length * 7) % Tags.Length]}>", // mis-nested close
                _ => $"</{tag}>",
            }))));

    /// <summary>A chain of nested elements up to ~120 deep (never past the nesting guard), each left open or closed.</summary>
    private static readonly Gen<string> HtmlChain = Gen.Select(
        Gen.Select(Gen.OneOf(Tags), Attribute, HtmlLeaf, (t, a, l) => (Tag: t, Attribute: a, Leaf: l)).Array[1, 120],
        Gen.Bool, Gen.Int[0, 2],
        (chain, close, form) =>
        {
            var html = new StringBuilder(form == 0 ? "" : "<!DOCTYPE html><html><head><title>T</title></head><body>");
            foreach (var (tag, attribute, leaf) in chain) html.Append('<').Append(tag).Append(attribute).Append('>').Append(leaf);
            if (close)
                for (int i = chain.Length - 1; i >= 0; i--) html.Append("</").Append(chain[i].Tag).Append('>');
            return html.ToString();
        });

    /// <summary>
    /// Nesting around HtmlFormat's guard (512 counted elements): chains of 400 to 1,200 elements, mixing tags the guard counts
    /// with tags it does not (optional end tags, void elements) and tags that make the tree builder add its own (table).
    /// </summary>
    public static readonly Gen<string> HtmlDeep = Gen.Select(
        Gen.OneOf("div", "span", "b", "a", "table", "td", "tr", "li", "ul", "p", "dd", "dl", "option", "select", "section", "font", "i").Array[400, 1200],
        Gen.Bool,
        (chain, close) =>
        {
            var html = new StringBuilder("<html><body><article>");
            foreach (string tag in chain) html.Append('<').Append(tag).Append(">x");
            if (close)
                for (int i = chain.Length - 1; i >= 0; i--) html.Append("</").Append(chain[i]).Append('>');
            return html.Append("</article></body></html>").ToString();
        });

    public static readonly Gen<string> Html = Gen.Frequency(
        (3, Gen.Select(Gen.OneOf("", "<!DOCTYPE html>", "\uFEFF<!doctype html>"), Gen.Bool, HtmlNode(4).Array[0, 6], Gen.Bool,
            (doctype, head, nodes, wrap) => doctype
                + (head ? "<html lang=\"en\"><head><title>Page &amp; title</title><meta property=\"og:site_name\" content=\"Site\"></head>" : "")
                + (wrap ? "<body><article>" + string.Concat(nodes) + "</article></body></html>" : string.Concat(nodes)))),
        (1, HtmlChain));

    // ---------------------------------------------------------------- JSON

    private static readonly Gen<string> JsonString = Gen.Frequency(
        (4, Text.Select(t => System.Text.Json.JsonSerializer.Serialize(t))),
        (1, Gen.Select(Text, Gen.OneOf(
            "\\u0000", "\\uD800", "\\uDC00", "\\uDC00\\uD800", "\\ud83d\\ude00", "\\ud83d", "\\n", "\\r\\n", "\\t", "\\\"", "\\\\", "\\/",
            "\\x41", "\\u12", "\\", "\u0001", "\n", "\uFEFF"), Text, (a, esc, b) => "\"" + a.Replace("\\", "").Replace("\"", "") + esc + b.Replace("\\", "").Replace("\"", "") + "\"")));

    private static readonly Gen<string> JsonScalar = Gen.Frequency(
        (4, JsonString),
        (1, Gen.OneOf("null", "true", "false", "0", "-0", "1e400", "-1.5e-400", "12345678901234567890123", "3.14", "NaN", "Infinity", "01", "1.", ".5", "+1", "tru", "nul")),
        (1, Gen.Long.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    private static Gen<string> JsonValue(int depth) => depth == 0 ? JsonScalar : Gen.Frequency(
        (4, JsonScalar),
        (1, JsonValue(depth - 1).Array[0, 4].Select(items => "[" + string.Join(",", items) + "]")),
        (1, Gen.Select(JsonKey, JsonValue(depth - 1), (k, v) => k + ":" + v).Array[0, 4].Select(members => "{" + string.Join(",", members) + "}")));

    private static readonly Gen<string> JsonKey = Gen.Frequency(
        (4, Gen.OneOf("\"title\"", "\"body\"", "\"text\"", "\"url\"", "\"source\"", "\"publishedAt\"", "\"language\"", "\"id\"",
            "\"Body\"", "\"TITLE\"", "\"Text\"", "\"b\\u006Fdy\"", "\"\"")),
        (1, JsonString));

    /// <summary>Nested arrays/objects down to ~110 levels: past JsonFormat's MaxDepth of 64 about half the time.</summary>
    private static readonly Gen<string> JsonDeep = Gen.Select(Gen.Int[1, 110], Gen.Bool, JsonScalar, JsonString,
        (depth, arrays, leaf, body) =>
        {
            string open = arrays ? "[" : "{\"a\":", close = arrays ? "]" : "}";
            return "{\"title\":\"Deep\",\"body\":" + body + ",\"x\":" + string.Concat(Enumerable.Repeat(open, depth)) + leaf + string.Concat(Enumerable.Repeat(close, depth)) + "}";
        });

    private static readonly Gen<string> JsonArticle = Gen.Select(
        Gen.Select(JsonKey, JsonValue(3), (k, v) => k + ":" + v).Array[0, 8],
        Gen.Frequency((3, JsonString), (1, JsonValue(2))),
        Gen.Frequency((3, JsonString), (1, JsonValue(2))),
        Gen.OneOf("", " ", "\n", "/* c */", "// c\n"),
        Gen.OneOf("", ",", ",,"),
        (members, title, body, ws, trailing) => "{" + ws + "\"title\":" + title + "," + ws + "\"body\":" + body
            + string.Concat(members.Select(m => "," + ws + m)) + trailing + ws + "}");

    public static readonly Gen<string> Json = Gen.Frequency(
        (4, JsonArticle),
        (1, JsonValue(4)),
        (1, JsonDeep),
        // Truncated anywhere, as an interrupted upload would be.
        (1, Gen.Select(JsonArticle, Gen.Double[0, 1], (json, cut) => json[..(int)(json.Length * cut)])));

    // ---------------------------------------------------------------- Bytes

    public static readonly string[] Extensions = [".txt", ".md", ".html", ".json", ".pdf", ".text", ".markdown", ".htm", ".JSON", ""];

    /// <summary>Text as the bytes of a file: UTF-8 with or without a BOM, or UTF-16 with a BOM.</summary>
    public static Gen<byte[]> Encoded(Gen<string> text) => Gen.Select(text, Gen.Int[0, 9], Gen.Int[0, 3], (s, encoding, keepNul) =>
    {
        // A NUL anywhere makes the whole file binary: keep it in a quarter of the files, so most get past the decoder.
        if (keepNul != 0) s = s.Replace('\0', ' ');
        return encoding switch
        {
            0 => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(s)],
            1 => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(s)],
            2 => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(s)],
            _ => Encoding.UTF8.GetBytes(s),
        };
    });

    /// <summary>Valid bytes with a few bytes overwritten, inserted or deleted.</summary>
    public static Gen<byte[]> Mutated(Gen<byte[]> bytes) => Gen.Select(bytes, Gen.Select(Gen.Int[0, 2], Gen.Double[0, 1], Gen.Byte).Array[1, 4],
        (original, edits) =>
        {
            var list = original.ToList();
            foreach (var (kind, at, value) in edits)
            {
                int i = (int)(at * list.Count);
                if (kind == 0 && i < list.Count) list[i] = value;
                else if (kind == 1) list.Insert(i, value);
                else if (i < list.Count) list.RemoveAt(i);
            }
            return list.ToArray();
        });
}
