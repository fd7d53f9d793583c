namespace Pipeline.Core.Enrichment;

/// <summary>
/// Sentence boundaries that are good enough for chunking: a sentence ends after . ! ? … (and any closing quotes or brackets)
/// followed by whitespace, or at a line break. Each span includes its trailing whitespace, so the spans tile the text.
/// </summary>
internal static class SentenceBoundaries
{
    public static IEnumerable<(int Start, int End)> Sentences(string text)
    {
        int start = 0, i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            bool terminal = c is '.' or '!' or '?' or '…' or '。' or '！' or '？' or '\n';
            i++;
            if (!terminal) continue;

            while (i < text.Length && text[i] is '"' or '\'' or ')' or ']' or '”' or '’' or '»' or '.' or '!' or '?') i++;
            if (c != '\n' && i < text.Length && !char.IsWhiteSpace(text[i]) && c is not ('。' or '！' or '？'))
                continue; // "3.5", "U.S.A", "e.g.x": not a sentence end.
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            yield return (start, i);
            start = i;
        }
        if (start < text.Length)
            yield return (start, text.Length);
    }
}
