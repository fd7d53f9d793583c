using System.Text;
using Pipeline.Ingestion.Parsing;

namespace Pipeline.Ingestion.Tests.Parsing;

/// <summary>ATX headings as CommonMark reads them; their cost per line is timed with the other shapes in <c>ScalingTests</c>.</summary>
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
    public void A_heading_with_a_long_run_of_spaces_keeps_its_words() =>
        Assert.Equal("a b", Title("# a" + new string(' ', 400_000) + "b"));
}
