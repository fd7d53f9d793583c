using System.Text;
using Pipeline.Ingestion.Parsing;

namespace Pipeline.Ingestion.Tests.Parsing;

public class TextNormalizerTests
{
    [Fact]
    public void Decomposed_accents_become_composed()
    {
        string decomposed = "Jose\u0301 Marti\u0301nez";
        string normalized = TextNormalizer.Normalize(decomposed);

        Assert.Equal("José Martínez", normalized);
        Assert.True(normalized.IsNormalized(NormalizationForm.FormC));
        Assert.Equal(13, normalized.Length);
    }

    [Theory]
    [InlineData("a\r\nb", "a\nb")]
    [InlineData("a\rb", "a\nb")]
    [InlineData("a \t\u00A0\u2003 b", "a b")]
    [InlineData("a\n\n\n\n\nb", "a\n\nb")]
    [InlineData("  lead and trail  \n", "lead and trail")]
    [InlineData("bell\u0007 and soft\u00ADhyphen\uFEFF", "bell and softhyphen")]
    [InlineData("line  \n  next", "line\nnext")]
    public void Whitespace_and_control_characters_are_normalised(string input, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(input));
    }

    [Fact]
    public void Emoji_sequences_and_rtl_text_survive_unchanged()
    {
        string text = "👩🏽‍💻 كتب الصحفي 🇪🇸";
        Assert.Equal(text, TextNormalizer.Normalize(text));
    }
}
