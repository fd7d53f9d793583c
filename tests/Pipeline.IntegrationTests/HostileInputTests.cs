using System.Text;
using Pipeline.Local.Commands;
using Pipeline.Local.Reliability;
using Pipeline.Testing;
using Pipeline.Local.Hosting;

namespace Pipeline.IntegrationTests;

/// <summary>
/// The hostile-input corpus: every file is either summarised or quarantined with the right reason, nothing is poisoned,
/// the host keeps running and its working set stays bounded. The corpus is generated here (several files are tens of MB).
/// </summary>
public class HostileInputTests(AzuriteFixture azurite, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private const string Summarised = "summarised";
    /// <summary>The stated bound for the host under hostile input with the default 10 MB article limit.</summary>
    private const long WorkingSetBoundBytes = 1024L * 1024 * 1024;

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Random(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        bytes[length / 2] = 0;
        return bytes;
    }

    /// <summary>Name, content, and what must become of it.</summary>
    public static IEnumerable<(string Name, byte[] Content, string Expected)> Corpus()
    {
        const string Story = "The envoy met President Zelensky in Kyiv on Monday. NATO officials welcomed the talks.";
        yield return ("hostile/zero-bytes.txt", [], "Empty");
        yield return ("hostile/bom-only.txt", [0xEF, 0xBB, 0xBF], "Empty");
        yield return ("hostile/50mb.txt", Utf8(string.Concat(Enumerable.Repeat("word ", 10 * 1024 * 1024))), "TooLarge");
        yield return ("hostile/random-binary.txt", Random(64 * 1024, 1), "Binary");
        yield return ("hostile/random-binary.bin", Random(4096, 2), "UnsupportedFormat");
        yield return ("hostile/no-extension", Utf8(Story), "UnsupportedFormat");
        yield return ("hostile/invalid-utf8.txt", [.. Utf8("Caf"), 0xE9, .. Utf8(" au lait. " + Story)], "Undecodable");
        yield return ("hostile/overlong-utf8.txt", [.. Utf8("Slash "), 0xC0, 0xAF, .. Utf8(" here.")], "Undecodable");
        yield return ("hostile/utf16-without-bom.txt", Encoding.Unicode.GetBytes(Story), "Binary");
        yield return ("hostile/utf16-lone-surrogate.txt", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Title\n\nText "), 0x00, 0xD8, 0x41, 0x00], "Undecodable");
        yield return ("hostile/utf32.txt", [0xFF, 0xFE, 0x00, 0x00, .. Encoding.UTF32.GetBytes(Story)], Summarised);
        yield return ("hostile/utf32-big-endian.txt", [0x00, 0x00, 0xFE, 0xFF, .. new UTF32Encoding(bigEndian: true, byteOrderMark: false).GetBytes(Story)], Summarised);
        yield return ("hostile/windows-1252-meta.html", [.. Encoding.ASCII.GetBytes("<html><head><meta charset=\"windows-1252\"></head><body><p>"), 0x93, .. Encoding.ASCII.GetBytes("No deal"), 0x94, .. Encoding.ASCII.GetBytes(", said the envoy in Kyiv. NATO officials welcomed the talks.</p></body></html>")], Summarised);
        yield return ("hostile/heading-spaces.md", Utf8("# a" + new string(' ', 30_000) + "b\n\n" + Story), Summarised);
        yield return ("hostile/latin1.html", Encoding.Latin1.GetBytes("<html><body><article><p>Ça va très bien à Zürich.</p></article></body></html>"), "Undecodable");
        yield return ("hostile/deeply-nested.json", Utf8("{\"title\":\"T\",\"body\":\"B\",\"x\":" + new string('[', 100_000) + new string(']', 100_000) + "}"), "MalformedJson");
        yield return ("hostile/top-level-string.json", Utf8("\"just a string\""), "MalformedJson");
        yield return ("hostile/body-is-number.json", Utf8("{\"title\":\"T\",\"body\":42}"), "MissingBody");
        yield return ("hostile/huge-string.json", Utf8("{\"title\":\"Huge\",\"body\":\"" + string.Concat(Enumerable.Repeat("Officials in Geneva met again. ", 280_000)) + "\"}"), Summarised);
        yield return ("hostile/escaped-nul.json", Utf8("{\"title\":\"Nul\",\"body\":\"Before\\u0000after. " + Story + "\"}"), Summarised);
        yield return ("hostile/duplicate-keys.json", Utf8("{\"title\":\"One\",\"title\":\"Two\",\"body\":\"" + Story + "\"}"), Summarised);
        yield return ("hostile/utf16-bom.json", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("{\"title\":\"Wide\",\"body\":\"" + Story + "\"}")], Summarised);
        yield return ("hostile/100k-nested.html", Utf8("<html><body><article>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + Story + string.Concat(Enumerable.Repeat("</div>", 100_000)) + "</article></body></html>"), "TooComplex");
        yield return ("hostile/script-only.html", Utf8("<html><head><title>Only code</title></head><body><script>" + new string('x', 10_000) + "</script></body></html>"), "NoText");
        yield return ("hostile/comment-only.html", Utf8("<html><body><!-- " + Story + " --></body></html>"), "NoText");
        yield return ("hostile/5mb-line.txt", Utf8(string.Concat(Enumerable.Repeat("A very long line about Kyiv and NATO ", 140_000))), Summarised);
        yield return ("hostile/200k-short-lines.txt", Utf8("Lines\n" + string.Concat(Enumerable.Repeat("x\n", 200_000))), Summarised);
        yield return ("hostile/some-control-chars.txt", Utf8("Title\u0007\n\nThe\u0001 envoy\u001B met\u0002 " + Story + " " + Story), Summarised);
        yield return ("hostile/mostly-control-chars.txt", Utf8(new string('\u0001', 500) + "text"), "Binary");
        yield return ("hostile/right-to-left.txt", Utf8("عنوان الخبر\n\nالتقى المبعوث بالرئيس في كييف يوم الاثنين. ‏שלום עולם‏ \u202Eevil override\u202C."), Summarised);
        yield return ("hostile/emoji-combining.md", Utf8("# 🇺🇦 Zoe\u0308 and 👩🏽‍💻\n\n" + string.Concat(Enumerable.Repeat("Ka\u0301ro\u0308ly 🏳️‍🌈 met the envoy in Kyiv. ", 400))), Summarised);
        yield return ("hostile/punctuation-only.txt", Utf8("!!!\n\n???...;;;---***"), Summarised);
        yield return ("hostile/unterminated-front-matter.md", Utf8("---\ntitle: never closed\n" + Story), Summarised);
        yield return ("hostile/front-matter-only.md", Utf8("---\ntitle: Only a title\n---\n"), Summarised);
        yield return ("hostile/cjk.txt", Utf8("東京で会議\n\n日本の首相は東京で記者会見を開いた。中国の代表団も出席した。"), Summarised);
        yield return ("hostile/SHOUTING.TXT", Utf8("LOUD TITLE\n\n" + Story), Summarised);
        yield return ("hostile/name with spaces & symbols (1).txt", Utf8("Spaces\n\n" + Story), Summarised);
        yield return ("hostile/ünïcödé-名前-имя.md", Utf8("# Unicode name\n\n" + Story), Summarised);
        yield return ("hostile/..dots..in..name...txt", Utf8("Dots\n\n" + Story), Summarised);
        yield return ("hostile/" + new string('n', 990) + ".txt", Utf8("Long name\n\n" + Story), Summarised);
        yield return ("hostile/" + new string('b', 1000) + ".pdf", Utf8("%PDF-1.7"), "UnsupportedFormat");
        foreach (var (name, make) in HostileShapes.All)
        {
            var content = make(ShapeBytes);
            yield return ("hostile/shapes/" + name, content, name.EndsWith(".html", StringComparison.Ordinal) && StartTags(content) > MaxHtmlElements ? "TooComplex" : Summarised);
        }
    }

    /// <summary>The parser's limit on a page's elements (500,000): near the size limit, a page of bare tags passes it.</summary>
    private const int MaxHtmlElements = 500_000;

    private static int StartTags(byte[] html)
    {
        int tags = 0;
        for (int i = 0; i + 1 < html.Length; i++)
        {
            if (html[i] == '<' && char.IsAsciiLetter((char)html[i + 1])) tags++;
        }
        return tags;
    }

    /// <summary>
    /// Each pathological shape's size: 1 MB in CI; <c>PIPELINE_HOSTILE_MB=9.9</c> runs every shape just under the 10 MB
    /// article limit (the memory bound's real test, minutes long).
    /// </summary>
    private static int ShapeBytes =>
        (int)(1024 * 1024 * (double.TryParse(Environment.GetEnvironmentVariable("PIPELINE_HOSTILE_MB"), System.Globalization.CultureInfo.InvariantCulture, out double mb) ? mb : 1));

    [Fact]
    public async Task Every_hostile_file_is_summarised_or_quarantined_with_its_reason_and_the_host_survives()
    {
        // The host runs as its own process (the `pipeline run` a user starts), so its memory is measured alone.
        using var host = PipelineHostProcess.Start("run", "--storage", azurite.ConnectionString, "--port", "0");
        await host.WaitForLineAsync("Ctrl+C stops", TimeSpan.FromSeconds(60));
        var tracker = new ArticleTracker(azurite.Storage);

        // Uploaded one at a time as generated, so the test itself holds no more than one file in memory.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var uploads = new List<UploadedArticle>();
        var expected = new List<(string Name, string? Expected)>();
        foreach (var (name, content, outcome) in Corpus())
        {
            uploads.Add(await tracker.UploadAsync(name, new MemoryStream(content), CancellationToken.None));
            expected.Add((name, outcome));
        }
        Assert.True(expected.Count >= 70);
        var results = await Eventually.ReturnsAsync(() => tracker.CheckAsync(uploads, CancellationToken.None),
            r => r.All(a => a.State != ArticleState.InFlight), TimeSpan.FromSeconds(ShapeBytes > 2 * 1024 * 1024 ? 1800 : 240), "the hostile corpus to settle");

        var actual = results.Select(r => (r.Article.Name, r.State == ArticleState.Summarised ? Summarised : r.State == ArticleState.Quarantined ? r.Detail : r.State.ToString()));
        Assert.Equal(expected, actual);
        Assert.Equal(0, (await azurite.Storage.Queue(PipelineNames.BlobPoisonQueue).GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Equal(0, (await azurite.Storage.Queue(PipelineNames.EnrichedPoisonQueue).GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.False(host.HasExited);
        long peak = host.PeakResidentBytes();
        output.WriteLine($"{expected.Count} hostile files settled in {clock.Elapsed.TotalSeconds:F0} s; peak resident set of the host process {peak / (1024 * 1024)} MB (bound {WorkingSetBoundBytes / (1024 * 1024)} MB)");
        Assert.True(peak < WorkingSetBoundBytes, $"peak resident set {peak / (1024 * 1024)} MB");
        await host.InterruptAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, host.ExitCode);
    }
}
