using System.Globalization;
using System.Text;

namespace Pipeline.Testing;

/// <summary>
/// Pathological article shapes, each generated at any size: long runs of one character or of whitespace, very long words
/// and lines, many tiny sentences, deep nesting, long capitalised runs, and the markup each format makes costly. The
/// scaling tests time every stage on them at two sizes; the hostile corpus runs them through the pipeline near the limit.
/// Every one of them is text an article may hold, so each must come out summarised, except a page with more elements
/// than the parser builds a DOM for (500,000), which is TooComplex.
/// </summary>
public static class HostileShapes
{
    private const string Story = "The envoy met President Zelensky in Kyiv on Monday. NATO officials welcomed the talks. ";

    /// <summary>Name (with the format's extension) and a generator of about the given number of bytes.</summary>
    public static IReadOnlyList<(string Name, Func<int, byte[]> Make)> All { get; } =
    [
        ("spaces.txt", n => Text("Title\n\n" + Story + new string(' ', n) + Story)),
        ("tabs-and-newlines.txt", n => Text("Title\n\n" + Story + Repeat("\t\n", n / 2) + Story)),
        ("newlines.md", n => Text("# Title\n\n" + Story + new string('\n', n) + Story)),
        ("unicode-spaces.txt", n => Text("Title\n\n" + Story + Repeat("\u00a0\u2003\u200b\u3000", n / 11) + Story)), // 11 bytes of UTF-8 a unit
        ("one-letter.txt", n => Text("Title\n\n" + new string('a', n))),
        ("one-capital.txt", n => Text("Title\n\n" + new string('A', n))),
        ("hyphenated-word.txt", n => Text("Title\n\n" + string.Join('-', Enumerable.Repeat("well", n / 5)))),
        ("apostrophes.txt", n => Text("Title\n\n" + Repeat("d'l'", n / 4))),
        ("tiny-sentences.txt", n => Text("Title\n\n" + Repeat("A. ", n / 3))),
        ("tiny-questions.md", n => Text("# Title\n\n" + Repeat("Ok? ", n / 4))),
        ("capitalised-run.txt", n => Text("Title\n\n" + string.Join(' ', Words(n / 7, "Berlin", "Paris", "Word", "Big", "Red", "Olaf", "Scholz", "Union")))),
        ("one-capitalised-word.txt", n => Text("Title\n\n" + Repeat("Word ", n / 5))),
        ("acronyms.txt", n => Text("Title\n\n" + Repeat("NATO UN EU ", n / 11))),
        ("one-long-sentence.txt", n => Text("Title\n\n" + string.Join(' ', Words(n / 7, "the", "envoy", "met", "Kyiv", "officials", "and", "NATO")) + ".")),
        ("quotes.txt", n => Text("Title\n\n" + new string('"', n))),
        ("dots.txt", n => Text("Title\n\n" + new string('.', n))),
        ("numbers.txt", n => Text("Title\n\n" + Repeat("1,000,000.5 ", n / 12))),
        ("urls.txt", n => Text("Title\n\n" + Repeat("https://example.com/a/b?c=d ", n / 28))),
        ("one-long-line.md", n => Text("# Title\n\n" + Repeat(Story.TrimEnd() + " ", n / Story.Length))),
        ("blockquote-depth.md", n => Text("# Title\n\n" + new string('>', n) + " text")),
        ("nested-lists.md", n => Text("# Title\n\n" + string.Concat(Enumerable.Range(0, (int)Math.Sqrt(n)).Select(i => new string(' ', 2 * i) + "- item\n")))),
        ("unclosed-emphasis.md", n => Text("# Title\n\n" + Repeat("*a **b ", n / 7))),
        ("unclosed-links.md", n => Text("# Title\n\n" + Repeat("[a](", n / 4))),
        ("unclosed-tags.md", n => Text("# Title\n\n" + Repeat("<a", n / 2))),
        ("backticks.md", n => Text("# Title\n\n" + new string('`', n))),
        ("hashes.md", n => Text(new string('#', n) + "\n\n" + Story)),
        ("heading-spaces.md", n => Text("# a" + new string(' ', n) + "b\n\n" + Story)),
        ("entities.html", n => Text("<html><body><p>" + Repeat("&amp;", n / 5) + "</p></body></html>")),
        ("attributes.html", n => Text("<html><body><p " + string.Join(' ', Enumerable.Range(0, n / 10).Select(i => "a" + i.ToString(CultureInfo.InvariantCulture) + "=x")) + ">" + Story + "</p></body></html>")),
        ("long-attribute.html", n => Text("<html><body><p title=\"" + new string('x', n) + "\">" + Story + "</p></body></html>")),
        ("unclosed-paragraphs.html", n => Text("<html><body>" + Repeat("<p>", n / 3) + Story)),
        ("table-rows.html", n => Text("<html><body><table>" + Repeat("<tr><td>x</td></tr>", n / 19) + "</table></body></html>")),
        ("many-keys.json", n => Text("{\"title\":\"T\",\"body\":\"" + Story + "\"," + string.Join(',', Enumerable.Range(0, n / 13).Select(i => "\"k" + i.ToString(CultureInfo.InvariantCulture) + "\":1")) + "}")),
        ("escapes.json", n => Text("{\"title\":\"T\",\"body\":\"" + Repeat("\\u00e9", n / 6) + "\"}")),
        ("long-title.json", n => Text("{\"title\":\"" + new string('T', n) + "\",\"body\":\"" + Story + "\"}")),
        ("spaces-in-body.json", n => Text("{\"title\":\"T\",\"body\":\"" + Story + new string(' ', n) + "\"}")),
    ];

    private static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    private static string Repeat(string unit, int times) => new StringBuilder(unit.Length * Math.Max(times, 0)).Insert(0, unit, Math.Max(times, 0)).ToString();

    private static IEnumerable<string> Words(int count, params string[] words)
    {
        var random = new Random(count);
        for (int i = 0; i < count; i++)
            yield return words[random.Next(words.Length)];
    }
}
