using System.Text;
using CsCheck;
using Xunit.Abstractions;
using Pipeline.Ingestion.Parsing;

namespace Pipeline.Ingestion.Tests.Fuzzing;

/// <summary>TextNormalizer's output is what is hashed and what offsets index, so it must be a fixed point of itself.</summary>
[Collection(Fuzz.Collection)]
public class NormalizerFuzzTests(ITestOutputHelper output)
{
    private static readonly Gen<string> Input = Gen.Frequency(
        (4, FuzzGen.Text), (1, FuzzGen.LongText), (1, FuzzGen.Markdown), (1, FuzzGen.Html), (1, FuzzGen.Json), (1, FuzzGen.AnyUtf16));

    [Fact]
    public void Normalize_is_idempotent_and_its_output_is_nfc_with_tidy_whitespace() =>
        Fuzz.Check(Input, text =>
        {
            string normalized = TextNormalizer.Normalize(text);
            Assert.Equal(Fuzz.Literal(normalized), Fuzz.Literal(TextNormalizer.Normalize(normalized)));
            Assert.True(Fuzz.IsWellFormedUtf16(normalized), $"lone surrogate in {Fuzz.Literal(normalized)}");
            Assert.True(normalized.IsNormalized(NormalizationForm.FormC), $"not NFC: {Fuzz.Literal(normalized)}");
            Assert.DoesNotContain('\r', normalized);
            Assert.False(normalized.Contains("\n\n\n", StringComparison.Ordinal), "a run of 3+ newlines"); // xunit's string overload compares by culture, which ignores format characters
            Assert.DoesNotContain(normalized, c => char.IsControl(c) && c != '\n');
            Assert.Equal(normalized.Trim().Length, normalized.Length);
        }, 5000, output, Fuzz.Literal);
}
