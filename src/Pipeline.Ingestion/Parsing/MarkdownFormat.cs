using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Ingestion.Parsing;

/// <summary>
/// .md: optional front matter (<c>key: value</c> lines between <c>---</c> fences), then Markdown reduced to plain text.
/// The title is the front matter's, else the first heading.
/// </summary>
internal static partial class MarkdownFormat
{
    public static RawArticle Parse(string text)
    {
        var frontMatter = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string markdown = ReadFrontMatter(text, frontMatter);

        string? title = frontMatter.GetValueOrDefault("title");
        var body = new StringBuilder(markdown.Length);
        bool inFence = false;
        // Line by line without splitting: ten million empty lines would be an array of ten million strings.
        for (int start = 0; start <= markdown.Length;)
        {
            int end = markdown.IndexOf('\n', start);
            if (end < 0) end = markdown.Length;
            string line = markdown[start..end].TrimEnd('\r');
            start = end + 1;
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal) || line.TrimStart().StartsWith("~~~", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }
            if (inFence) { body.Append(line).Append('\n'); continue; }

            if (TryReadHeading(line, out string heading))
            {
                string headingText = Inline(heading);
                if (title is null) { title = headingText; continue; }
                body.Append('\n').Append(headingText).Append("\n\n");
                continue;
            }
            if (HorizontalRule().IsMatch(line)) { body.Append('\n'); continue; }
            body.Append(Inline(BlockPrefix().Replace(line, string.Empty))).Append('\n');
        }

        return new RawArticle(title, body.ToString())
        {
            Url = frontMatter.GetValueOrDefault("url"),
            Source = frontMatter.GetValueOrDefault("source"),
            PublishedAt = frontMatter.GetValueOrDefault("publishedAt") ?? frontMatter.GetValueOrDefault("date"),
            Language = frontMatter.GetValueOrDefault("language") ?? frontMatter.GetValueOrDefault("lang"),
            Id = frontMatter.GetValueOrDefault("id"),
        };
    }

    private static string ReadFrontMatter(string text, Dictionary<string, string> values)
    {
        string trimmed = text.TrimStart('\uFEFF', '\r', '\n', ' ');
        if (!trimmed.StartsWith("---", StringComparison.Ordinal))
            return text;
        int firstBreak = trimmed.IndexOf('\n');
        if (firstBreak < 0 || trimmed[..firstBreak].Trim() != "---")
            return text;
        var close = FrontMatterEnd().Match(trimmed, firstBreak);
        if (!close.Success)
            return text;

        foreach (string line in trimmed[(firstBreak + 1)..close.Index].Split('\n'))
        {
            int colon = line.IndexOf(':');
            if (colon <= 0) continue;
            string value = line[(colon + 1)..].Trim().Trim('"', '\'');
            if (value.Length > 0) values[line[..colon].Trim()] = value;
        }
        return trimmed[(close.Index + close.Length)..];
    }

    /// <summary>
    /// An ATX heading (CommonMark): up to three spaces, one to six <c>#</c>, whitespace, the text, and an optional closing
    /// run of <c>#</c> after whitespace. Read by hand, in one pass: the regular expression it replaces backtracked over
    /// every way to split a run of spaces between its trailing <c>\s*#*\s*</c>, cubic in the run's length, so one heading
    /// with a few thousand spaces held a worker for minutes.
    /// </summary>
    private static bool TryReadHeading(string line, out string text)
    {
        text = "";
        int i = 0;
        while (i < 3 && i < line.Length && char.IsWhiteSpace(line[i])) i++;
        int hashes = 0;
        while (i + hashes < line.Length && line[i + hashes] == '#') hashes++;
        if (hashes is 0 or > 6 || i + hashes == line.Length || !char.IsWhiteSpace(line[i + hashes]))
            return false;

        var rest = line.AsSpan(i + hashes).Trim();
        int end = rest.Length;
        while (end > 0 && rest[end - 1] == '#') end--;
        if (end == 0 || char.IsWhiteSpace(rest[end - 1]))
            rest = rest[..end].TrimEnd();
        text = rest.ToString();
        return true;
    }

    /// <summary>Links keep their text, images and HTML tags go, emphasis and code markers go.</summary>
    private static string Inline(string line)
    {
        line = Image().Replace(line, string.Empty);
        line = Link().Replace(line, "$1");
        line = HtmlTag().Replace(line, string.Empty);
        line = Emphasis().Replace(line, string.Empty);
        return line;
    }

    [GeneratedRegex(@"^\s{0,3}([-*_]\s*){3,}$")] private static partial Regex HorizontalRule();
    // Non-backtracking: a backtracking runner keeps, for good, stacks grown to a line of ten million ">".
    [GeneratedRegex(@"^\s*(>\s?)+|^\s*([-*+]|\d{1,9}[.)])\s+", RegexOptions.NonBacktracking)] private static partial Regex BlockPrefix();
    // A backtracking engine retries these from every "[" or "<" to the end of the line when nothing closes them, which is
    // quadratic in a line of "[a](" repeated; the non-backtracking engine is linear in the line.
    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)", RegexOptions.NonBacktracking)] private static partial Regex Image();
    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)", RegexOptions.NonBacktracking)] private static partial Regex Link();
    [GeneratedRegex(@"</?[a-zA-Z][^>]*>", RegexOptions.NonBacktracking)] private static partial Regex HtmlTag();
    [GeneratedRegex(@"(\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`)")] private static partial Regex Emphasis();
    [GeneratedRegex(@"^---\s*$", RegexOptions.Multiline)] private static partial Regex FrontMatterEnd();
}
