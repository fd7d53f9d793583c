namespace Pipeline.Analysis.Text;

/// <summary>A sentence as a token range [Start, End).</summary>
public readonly record struct SentenceRange(int Start, int End);

/// <summary>
/// Splits at sentence-final punctuation (Latin, CJK and Arabic) and at line breaks, but not after abbreviations
/// and initials ("Mr. Smith", "J. K. Rowling", "U.S. officials").
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "col", "lt", "sgt", "capt", "sen", "rep", "gov", "rev",
        "vs", "inc", "corp", "ltd", "ltda", "co", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "approx", "fig", "mt",
    };

    /// <param name="ordinalDayMonths">
    /// The month names of a language that writes the day before its month as an ordinal ("am 1. Januar", "bis zum 14. März"):
    /// such a full stop ends no sentence.
    /// </param>
    public static List<SentenceRange> Split(string text, List<Token> tokens, HashSet<string>? ordinalDayMonths = null)
    {
        var sentences = new List<SentenceRange>();
        int start = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (i > start && t.LineBreakBefore)
            {
                sentences.Add(new SentenceRange(start, i));
                start = i;
            }
            if (t.Kind != TokenKind.Punctuation || t.Length != 1 || !IsTerminal(text, i, tokens, ordinalDayMonths)) continue;
            int end = i + 1;
            // "Really?!" and "Wait..." end one sentence, not one per mark: a run of full stops is not a run of sentences.
            while (end < tokens.Count && !tokens[end].SpaceBefore && tokens[end].Kind == TokenKind.Punctuation && tokens[end].Length == 1 && IsTerminalMark(text[tokens[end].Start]))
                end++;
            // Closing quotes and brackets belong to the sentence they close.
            while (end < tokens.Count && !tokens[end].SpaceBefore && tokens[end].Length == 1 && text[tokens[end].Start] is '"' or '\'' or '\u201D' or '\u2019' or ')' or ']' or '\u00BB')
                end++;
            sentences.Add(new SentenceRange(start, end));
            start = end;
            i = end - 1;
        }
        if (start < tokens.Count) sentences.Add(new SentenceRange(start, tokens.Count));
        return sentences;
    }

    private static bool IsTerminal(string text, int i, List<Token> tokens, HashSet<string>? ordinalDayMonths)
    {
        char c = text[tokens[i].Start];
        if (c != '.') return IsTerminalMark(c);
        if (i == 0) return false;
        var prev = tokens[i - 1];
        if (prev.End != tokens[i].Start) return true;
        var word = text.AsSpan(prev.Start, prev.Length);
        if (ordinalDayMonths is not null && prev.Kind == TokenKind.Number && word.Length <= 2 && i + 1 < tokens.Count && !tokens[i + 1].LineBreakBefore
            && ordinalDayMonths.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(tokens[i + 1].Start, tokens[i + 1].Length)))
            return false;
        // Initials ("J.") and abbreviations keep the sentence going unless a line break follows.
        bool abbreviation = (word.Length == 1 && char.IsUpper(word[0])) || Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
        if (!abbreviation) return true;
        return i + 1 < tokens.Count && tokens[i + 1].LineBreakBefore;
    }

    private static bool IsTerminalMark(char c) => c is '.' or '!' or '?' or '\u3002' or '\uFF01' or '\uFF1F' or '\u061F' or '\u2026';
}
