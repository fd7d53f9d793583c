using System.Diagnostics;
using System.Text;
using Pipeline.Ingestion.Parsing;

namespace Pipeline.Ingestion.Tests.Parsing;

/// <summary>ATX headings as CommonMark reads them, in time linear in the line, whatever the line holds.</summary>
public class MarkdownHeadingTests
{
    private static string Title(string markdown) => ArticleParser.Parse("a.md", Encoding.UTF8.GetBytes(markdown + "\n\nA body about Berlin.")).Title;

    [Theory]
    [InlineData("# Markets rally", "Markets rally")]
    [InlineData("   ### Markets rally", "Markets rally")]
    [InlineData("## Markets rally ##", "Markets rally")]
    [InlineData("## Markets rally #####   ", "Markets rally")]
    [InlineData("# Why C# won", "Why C# won")]
    [InlineData("# Learning C#", "Learning C#")]
    [InlineData("#\tTabbed title", "Tabbed title")]
    public void The_first_heading_is_the_title(string heading, string title) => Assert.Equal(title, Title(heading));

    [Theory]
    [InlineData("#NoSpace")]
    [InlineData("####### Seven hashes")]
    [InlineData("    # Four spaces in")]
    public void What_is_not_a_heading_is_not_the_title(string line) => Assert.NotEqual(line.Trim().TrimStart('#').Trim(), Title(line));

    [Fact]
    public void A_heading_with_a_long_run_of_spaces_costs_time_linear_in_its_length()
    {
        // The shape a hostile feed sent: a word, thousands of spaces, a word. Eight times the line may cost about eight
        // times the time, never the 512 times a cubic parser costs; a ratio within one run holds on a noisy machine.
        static TimeSpan Cost(int spaces)
        {
            byte[] file = Encoding.UTF8.GetBytes("# a" + new string(' ', spaces) + "b\n\nThe body.");
            var best = TimeSpan.MaxValue;
            for (int round = 0; round < 5; round++)
            {
                var clock = Stopwatch.StartNew();
                for (int i = 0; i < 20; i++) ArticleParser.Parse("hostile.md", file);
                best = clock.Elapsed < best ? clock.Elapsed : best;
            }
            return best;
        }

        Cost(1_000); // warm-up: JIT, first-use caches
        var small = Cost(16_000);
        var large = Cost(128_000);

        Assert.Equal("a b", ArticleParser.Parse("hostile.md", Encoding.UTF8.GetBytes("# a" + new string(' ', 128_000) + "b\n\nThe body.")).Title);
        Assert.True(large.TotalMilliseconds / small.TotalMilliseconds < 12, $"16,000 spaces: {small.TotalMilliseconds:F1} ms, 128,000: {large.TotalMilliseconds:F1} ms");
    }
}
