using System.Globalization;
using CsCheck;
using Xunit.Abstractions;
using Pipeline.Ingestion.Enrichment;
using Pipeline.Ingestion.Parsing;

namespace Pipeline.Ingestion.Tests.Fuzzing;

/// <summary>TextChunker: the chunks tile the text, respect the limit, and never cut a grapheme cluster.</summary>
[Collection(Fuzz.Collection)]
public class ChunkerFuzzTests(ITestOutputHelper output)
{
    private static readonly Gen<string> Input = Gen.Frequency(
        (3, FuzzGen.LongText),
        (2, FuzzGen.LongText.Select(TextNormalizer.Normalize)), // what the pipeline really chunks
        (1, FuzzGen.Text),
        (1, FuzzGen.AnyUtf16));

    [Fact]
    public void Chunks_tile_the_text_under_the_limit_at_grapheme_boundaries() =>
        Fuzz.Check(Gen.Select(Input, Gen.Int[16, 600]), input =>
        {
            var (text, max) = input;
            var chunks = TextChunker.Split(text, max);

            Assert.NotEmpty(chunks);
            Assert.Equal(text, string.Concat(chunks.Select(c => c.Text)));
            var boundaries = Fuzz.GraphemeBoundaries(text);
            int expectedOffset = 0;
            foreach (var chunk in chunks)
            {
                Assert.Equal(expectedOffset, chunk.Offset);
                Assert.True(chunk.Text.Length > 0 || text.Length == 0, "empty chunk");
                Assert.True(boundaries.Contains(chunk.Offset), $"chunk at {chunk.Offset} starts inside a grapheme cluster");
                int elements = new StringInfo(chunk.Text).LengthInTextElements;
                Assert.True(elements <= max, $"chunk at {chunk.Offset} has {elements} text elements > {max}");
                expectedOffset += chunk.Text.Length;
            }
        }, 3000, output, input => $"({Fuzz.Literal(input.Item1)}, {input.Item2})");
}
