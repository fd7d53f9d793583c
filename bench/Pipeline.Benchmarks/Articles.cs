using System.Text.Json;

namespace Pipeline.Benchmarks;

/// <summary>3,000-character English news articles: the seed article repeated, and gold-set paragraphs run together.</summary>
internal static class Articles
{
    public const int Length = 3000;

    public static string Seed()
    {
        string text = Read("seed.txt");
        return Cut(string.Concat(Enumerable.Repeat(text + "\n", Length / text.Length + 1)));
    }

    /// <summary>Consecutive gold paragraphs, as many 3,000-character articles as they fill.</summary>
    /// <param name="set">The embedded gold set: <c>gold.jsonl</c> (English) or a language's development set, <c>de-dev.jsonl</c>.</param>
    public static List<string> Gold(string set = "gold.jsonl")
    {
        var paragraphs = Read(set).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!).ToList();
        var articles = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var p in paragraphs)
        {
            current.Append(p).Append("\n\n");
            if (current.Length < Length) continue;
            articles.Add(Cut(current.ToString()));
            current.Clear();
        }
        return articles;
    }

    /// <summary>Cut at the last space before 3,000 characters, so no word is split.</summary>
    private static string Cut(string text) => text.Length <= Length ? text : text[..text.LastIndexOf(' ', Length - 1)];

    private static string Read(string name)
    {
        using var stream = typeof(Articles).Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException(name);
        return new StreamReader(stream).ReadToEnd();
    }
}
