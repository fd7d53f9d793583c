using System.Globalization;
using System.Text;
using Pipeline.Ingestion.Enrichment;

namespace Pipeline.Ingestion.Tests.Enrichment;

public class TextChunkerTests
{
    [Fact]
    public void Short_text_is_one_chunk()
    {
        var chunks = TextChunker.Split("One sentence. Two sentences.", 5120);
        Assert.Equal([new TextChunk(0, "One sentence. Two sentences.")], chunks);
    }

    [Fact]
    public void Long_text_splits_at_sentence_ends_under_the_limit_and_tiles_the_original()
    {
        // 12,000+ characters with emoji (surrogate pairs, ZWJ sequences) and combining marks.
        var text = new StringBuilder();
        for (int i = 0; text.Length < 12_000; i++)
            text.Append(CultureInfo.InvariantCulture, $"Sentence {i} mentions Zoe\u0308 and 👩🏽‍💻 in Kyiv. ");
        string article = text.ToString();

        var chunks = TextChunker.Split(article, 5120);

        Assert.InRange(chunks.Count, 3, 4);
        Assert.Equal(article, string.Concat(chunks.Select(c => c.Text)));
        foreach (var chunk in chunks)
        {
            Assert.Equal(chunk.Text, article.Substring(chunk.Offset, chunk.Text.Length));
            Assert.True(new StringInfo(chunk.Text).LengthInTextElements <= 5120);
        }
        foreach (var chunk in chunks.SkipLast(1))
            Assert.EndsWith("Kyiv. ", chunk.Text);
    }

    [Fact]
    public void A_sentence_longer_than_the_limit_is_cut_at_spaces_then_between_grapheme_clusters()
    {
        string words = string.Concat(Enumerable.Repeat("word ", 100));           // 500 elements, spaces to cut at
        string blob = string.Concat(Enumerable.Repeat("e\u0301", 300));           // 300 elements, no spaces at all
        string article = words + blob;

        var chunks = TextChunker.Split(article, 128);

        Assert.Equal(article, string.Concat(chunks.Select(c => c.Text)));
        Assert.All(chunks, c => Assert.True(new StringInfo(c.Text).LengthInTextElements <= 128));
        Assert.All(chunks, c => Assert.False(c.Text.StartsWith('\u0301'), "a chunk must not start inside a grapheme cluster"));
        Assert.All(chunks.Where(c => c.Offset < words.Length - 1 && c.Offset > 0), c => Assert.StartsWith("word", c.Text));
    }

    [Fact]
    public void A_text_far_longer_than_one_tokenising_window_splits_as_if_tokenised_whole()
    {
        // Lines of every length around the 32 K window, and one line longer than it with no break at all.
        var text = new StringBuilder();
        for (int i = 0; text.Length < 150_000; i++)
            text.Append(CultureInfo.InvariantCulture, $"Dr. Ana Lima spoke in Kyiv on day {i}. It rained{(i % 97 == 0 ? "\n\n" : i % 13 == 0 ? "!?\n" : "... ")}");
        text.Append(string.Concat(Enumerable.Repeat("word ", 10_000))).Append('\n');
        string article = text.ToString();

        var chunks = TextChunker.Split(article, 5120);

        Assert.Equal(article, string.Concat(chunks.Select(c => c.Text)));
        Assert.All(chunks, c => Assert.True(new StringInfo(c.Text).LengthInTextElements <= 5120));
        // A chunk never ends inside "Dr. Ana" or between a mark of "!?" or "..." and the next: those are one sentence end.
        Assert.All(chunks.SkipLast(1), c => Assert.Matches(@"(\. |[.!?]\n|\n\n|word )$", c.Text));
        Assert.DoesNotContain(chunks, c => c.Text.EndsWith("Dr. ", StringComparison.Ordinal) || c.Text.StartsWith("..", StringComparison.Ordinal) || c.Text.StartsWith('?'));
    }
}
