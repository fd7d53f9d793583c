using System.Globalization;
using Pipeline.Analysis.Text;

namespace Pipeline.Ingestion.Enrichment;

/// <summary>A slice of the article handed to the analyzer; <see cref="Offset"/> maps its offsets back onto the article.</summary>
public readonly record struct TextChunk(int Offset, string Text);

/// <summary>
/// Splits text into chunks of at most N text elements (grapheme clusters, as the Language service counts them),
/// at sentence boundaries where possible, then at spaces, and only as a last resort inside a word
/// (never inside a grapheme cluster, so emoji and combining marks stay whole).
/// </summary>
public static class TextChunker
{
    public static IReadOnlyList<TextChunk> Split(string text, int maxTextElements)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTextElements, 16);
        if (text.Length <= maxTextElements || new StringInfo(text).LengthInTextElements <= maxTextElements)
            return [new TextChunk(0, text)];

        var chunks = new List<TextChunk>();
        int chunkStart = 0, chunkElements = 0;
        foreach (var (start, end) in Pieces(text, maxTextElements))
        {
            int elements = TextElements.Count(text, start, end);
            if (chunkElements + elements > maxTextElements && start > chunkStart)
            {
                chunks.Add(new TextChunk(chunkStart, text[chunkStart..start]));
                chunkStart = start;
                chunkElements = 0;
            }
            chunkElements += elements;
        }
        if (chunkStart < text.Length)
            chunks.Add(new TextChunk(chunkStart, text[chunkStart..]));
        return chunks;
    }

    /// <summary>Sentences, with any sentence longer than the limit cut into smaller pieces.</summary>
    private static IEnumerable<(int Start, int End)> Pieces(string text, int maxTextElements)
    {
        foreach (var (start, end) in Sentences(text))
        {
            if (end - start <= maxTextElements || TextElements.Count(text, start, end) <= maxTextElements)
            {
                yield return (start, end);
                continue;
            }
            foreach (var piece in CutLongSpan(text, start, end, maxTextElements))
                yield return piece;
        }
    }

    /// <summary>The analyzer's own sentence splitter (it knows "Mr." and "U.S."), as character ranges that tile the text.</summary>
    private static IEnumerable<(int Start, int End)> Sentences(string text)
    {
        int start = 0, boundary = 0;
        foreach (int next in SentenceStarts(text))
        {
            // A token boundary is not always a grapheme-cluster boundary: a combining mark after a space starts a token but
            // belongs to the space's cluster (" \u0301"). End the sentence at the first cluster boundary at or after it.
            while (boundary < next) boundary += StringInfo.GetNextTextElementLength(text.AsSpan(boundary));
            if (boundary == start) continue; // that cluster also swallowed this sentence's start
            yield return (start, boundary);
            start = boundary;
        }
        if (start < text.Length)
            yield return (start, text.Length);
    }

    /// <summary>Characters tokenised at once: a text near the size limit can hold ten million one-character tokens.</summary>
    private const int TokenWindow = 1 << 15;

    /// <summary>
    /// Where each sentence after the first begins. The text is tokenised a window at a time, each window ending at a line
    /// break where it can (a sentence ends there anyway), else after a space, so only one window's tokens are held.
    /// </summary>
    private static IEnumerable<int> SentenceStarts(string text)
    {
        for (int window = 0; window < text.Length;)
        {
            int end = WindowEnd(text, window);
            string slice = window == 0 && end == text.Length ? text : text[window..end];
            var tokens = Tokenizer.Tokenize(slice);
            var sentences = SentenceSplitter.Split(slice, tokens);
            for (int i = window == 0 ? 1 : 0; i < sentences.Count; i++)
                yield return window + tokens[sentences[i].Start].Start;
            window = end;
        }
    }

    private static int WindowEnd(string text, int start)
    {
        int limit = start + TokenWindow;
        if (limit >= text.Length) return text.Length;
        int lineBreak = text.LastIndexOf('\n', limit - 1, TokenWindow / 2);
        if (lineBreak >= 0) return lineBreak + 1;
        for (int i = limit - 1; i > limit - TokenWindow / 2; i--)
        {
            if (char.IsWhiteSpace(text[i])) return i + 1;
        }
        return char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit;
    }

    private static IEnumerable<(int Start, int End)> CutLongSpan(string text, int start, int end, int maxTextElements)
    {
        int pieceStart = start, elements = 0, lastSpace = -1, lastSpaceElements = 0, i = start;
        while (i < end)
        {
            int length = StringInfo.GetNextTextElementLength(text.AsSpan(i, end - i));
            if (elements + 1 > maxTextElements)
            {
                // Prefer the last space in this piece; otherwise cut here, between two grapheme clusters.
                int cut = lastSpace > pieceStart ? lastSpace : i;
                yield return (pieceStart, cut);
                elements = cut == i ? 0 : elements - lastSpaceElements;
                pieceStart = cut;
                lastSpace = -1;
            }
            if (char.IsWhiteSpace(text[i])) { lastSpace = i + length; lastSpaceElements = elements + 1; }
            elements++;
            i += length;
        }
        if (pieceStart < end)
            yield return (pieceStart, end);
    }
}
