using System.Globalization;
using System.Text;

namespace Pipeline.Analysis.Text;

public enum TokenKind : byte { Word, Number, Punctuation, Symbol }

/// <summary>A token as a span of the document: offsets are UTF-16 code units, so entity offsets come straight from tokens.</summary>
public readonly record struct Token(int Start, int Length, TokenKind Kind, bool Capitalised, bool AllCaps, bool SpaceBefore, bool LineBreakBefore)
{
    public int End => Start + Length;
}

/// <summary>
/// One pass over the text with no regular expressions. Words keep inner apostrophes, hyphens and acronym dots
/// ("war-torn", "don't", "U.S."), numbers keep inner separators ("1,000", "12.5"), and a possessive "'s" becomes
/// its own token so "Russia's" still matches "Russia". Surrogate pairs are never split, and combining marks stay
/// with their base letter, so every token boundary is a valid place to cut the string.
/// </summary>
public static class Tokenizer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 5 + 4);
        int i = 0, n = text.Length;
        bool space = true, lineBreak = true;
        while (i < n)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c == '\u200B' || c == '\uFEFF')
            {
                space = true;
                lineBreak |= c is '\n' or '\r' or '\u2029';
                i++;
                continue;
            }

            int start = i;
            if (c is '\'' or '\u2019' && !space && i + 1 < n && text[i + 1] is 's' or 'S' && (i + 2 >= n || WordCharWidth(text, i + 2) == 0))
            {
                tokens.Add(new Token(start, 2, TokenKind.Word, false, false, false, false));
                i += 2;
                continue;
            }
            // "'s-Hertogenbosch", "'s-Gravenhage": an old genitive article opens a Dutch place's name, capitalised after it.
            if (c is '\'' or '\u2019' && space && i + 3 < n && text[i + 1] == 's' && text[i + 2] == '-' && char.IsUpper(text[i + 3]))
            {
                i = ScanWord(text, i + 1);
                tokens.Add(MakeWord(text, start, i - start, space, lineBreak) with { Capitalised = true });
                space = false;
                lineBreak = false;
                continue;
            }
            int width = WordCharWidth(text, i);
            if (width > 0 && !IsMark(text, i))
            {
                i = ScanWord(text, i);
                tokens.Add(MakeWord(text, start, i - start, space, lineBreak));
            }
            else
            {
                int w = char.IsHighSurrogate(c) && i + 1 < n && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                i += w;
                // Emoji modifiers, variation selectors and stray combining marks stay with the symbol they decorate.
                while (i < n && IsDecoration(text, i, out int dw)) i += dw;
                var kind = char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
                tokens.Add(new Token(start, i - start, kind, false, false, space, lineBreak));
            }
            space = false;
            lineBreak = false;
        }
        return tokens;
    }

    private static int ScanWord(string text, int i)
    {
        int n = text.Length, start = i;
        bool startsWithDigit = char.IsDigit(text[i]);
        while (i < n)
        {
            int w = WordCharWidth(text, i);
            if (w > 0) { i += w; continue; }
            char c = text[i];
            if (i + 1 >= n || i == start) break;
            char prev = text[i - 1], next = text[i + 1];
            if (c is '\'' or '\u2019')
            {
                // Possessive or plural-possessive: "Russia's" -> "Russia" + "'s".
                if ((next is 's' or 'S') && (i + 2 >= n || WordCharWidth(text, i + 2) == 0)) break;
                if (char.IsLetter(prev) && char.IsLetter(next)) { i++; continue; }
                break;
            }
            if (c is '-' or '\u2010' or '\u2011')
            {
                if (char.IsLetterOrDigit(prev) && char.IsLetterOrDigit(next)) { i++; continue; }
                break;
            }
            if (c is '.' or ',')
            {
                if (startsWithDigit && char.IsDigit(prev) && char.IsDigit(next)) { i++; continue; }
                // Abbreviation dots: "U.S.", "a.m." — a single letter on each side.
                if (c == '.' && char.IsLetter(prev) && char.IsLetter(next) && (i - 1 == start || text[i - 2] == '.') && (i + 2 >= n || !char.IsLetter(text[i + 2])))
                {
                    i++;
                    continue;
                }
                break;
            }
            break;
        }
        // Keep the closing dot of an abbreviation ("U.S.", "p.m.") when the token already has inner dots.
        if (i < n && text[i] == '.' && i - start >= 3 && text[i - 2] == '.' && char.IsLetter(text[i - 1])) i++;
        return i;
    }

    private static Token MakeWord(string text, int start, int length, bool space, bool lineBreak)
    {
        var span = text.AsSpan(start, length);
        bool number = true, anyLetter = false, allUpper = true;
        int letters = 0;
        foreach (char ch in span)
        {
            if (char.IsLetter(ch))
            {
                number = false;
                anyLetter = true;
                letters++;
                if (!char.IsUpper(ch)) allUpper = false;
            }
        }
        bool capitalised = anyLetter && char.IsUpper(span[0]);
        return new Token(start, length, number ? TokenKind.Number : TokenKind.Word, capitalised, anyLetter && allUpper && letters >= 2, space, lineBreak);
    }

    /// <summary>Width in UTF-16 units of a letter, digit or combining mark at <paramref name="i"/>, or 0.</summary>
    private static int WordCharWidth(string text, int i)
    {
        char c = text[i];
        if (char.IsHighSurrogate(c))
        {
            if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var rune = new Rune(c, text[i + 1]);
                return Rune.IsLetterOrDigit(rune) ? 2 : 0;
            }
            return 0;
        }
        if (char.IsLetterOrDigit(c)) return 1;
        return IsMark(text, i) ? 1 : 0;
    }

    private static bool IsMark(string text, int i) =>
        CharUnicodeInfo.GetUnicodeCategory(text[i]) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static bool IsDecoration(string text, int i, out int width)
    {
        char c = text[i];
        width = 1;
        if (c is '\u200D' or (>= '\uFE00' and <= '\uFE0F') || IsMark(text, i)) return true;
        if (c == '\uD83C' && i + 1 < text.Length && text[i + 1] is >= '\uDFFB' and <= '\uDFFF') { width = 2; return true; }
        return false;
    }
}
