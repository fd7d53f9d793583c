using System.Text.RegularExpressions;
using Pipeline.Testing;

namespace Pipeline.Local.Tests;

/// <summary>
/// Every <c>pipeline</c> command line the README and the docs show: in fenced code blocks (one a line, <c># comments</c>
/// and a <c>$ </c> prompt dropped) and in inline code, written as <c>pipeline …</c> or
/// <c>dotnet run --project src/Pipeline.Local -- …</c>.
/// </summary>
internal static partial class DocumentedCommands
{
    private const string RunFromSource = "dotnet run --project src/Pipeline.Local -- ";

    public static IEnumerable<string> Documents()
    {
        string root = RepositoryFiles.Root;
        yield return Path.Combine(root, "README.md");
        foreach (string folder in new[] { "docs", "infra", "bench", "tools" })
        {
            foreach (string file in Directory.EnumerateFiles(Path.Combine(root, folder), "*.md", SearchOption.AllDirectories)
                         .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                         .Order(StringComparer.Ordinal))
                yield return file;
        }
    }

    /// <summary>Each distinct command line (without the leading <c>pipeline</c>), with the first document that shows it.</summary>
    public static IReadOnlyList<(string Line, string Document)> All()
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string document in Documents())
        {
            string name = Path.GetRelativePath(RepositoryFiles.Root, document);
            foreach (string line in Extract(File.ReadAllText(document)))
                found.TryAdd(line, name);
        }
        return found.Select(pair => (pair.Key, pair.Value)).ToList();
    }

    private static IEnumerable<string> Extract(string markdown)
    {
        bool inBlock = false;
        foreach (string raw in markdown.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inBlock = !inBlock;
                continue;
            }
            if (inBlock)
            {
                string text = line.Trim();
                if (text.StartsWith("$ ", StringComparison.Ordinal)) text = text[2..];
                int comment = text.IndexOf(" #", StringComparison.Ordinal);
                if (comment >= 0) text = text[..comment];
                if (Command(text) is { } command) yield return command;
                continue;
            }
            foreach (Match span in InlineCode().Matches(line))
            {
                if (Command(span.Groups[1].Value) is { } command) yield return command;
            }
        }
    }

    private static string? Command(string text)
    {
        text = text.Trim();
        if (text.StartsWith(RunFromSource, StringComparison.Ordinal)) return text[RunFromSource.Length..].Trim();
        if (text.StartsWith("pipeline ", StringComparison.Ordinal)) return text["pipeline ".Length..].Trim();
        return null;
    }

    /// <summary>Splits a documented line into arguments as a POSIX shell would for these simple lines (quotes group words).</summary>
    public static IReadOnlyList<string> Arguments(string line) =>
        Argument().Matches(line).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? m.Groups[2].Value : m.Value).ToList();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex InlineCode();

    [GeneratedRegex("\"([^\"]*)\"|'([^']*)'|[^\\s]+")]
    private static partial Regex Argument();
}
