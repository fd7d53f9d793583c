using System.Globalization;
using System.Text;

namespace Pipeline.Ingestion.Parsing;

/// <summary>
/// Unicode NFC plus whitespace normalisation, so that identical articles hash identically and offsets are stable:
/// line endings become \n, control characters go, every kind of space becomes one space, blank-line runs become one blank line.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string text)
    {
        if (string.IsNullOrEmpty(text))
            return string.Empty;

        text = WithoutInvalidCodePoints(text);
        string composed = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        var result = new StringBuilder(composed.Length);
        int pendingNewlines = 0;
        bool pendingSpace = false;

        for (int i = 0; i < composed.Length; i++)
        {
            char c = composed[i];
            if (c == '\r' && i + 1 < composed.Length && composed[i + 1] == '\n')
                continue; // \r\n: the \n carries the break.
            if (c is '\n' or '\r' or '\u2028' or '\u2029' or '\f' or '\v')
            {
                pendingNewlines += c == '\u2029' ? 2 : 1;
                pendingSpace = false;
                continue;
            }
            if (c == '\t' || char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.Control || c == '\uFEFF' || c == '\u00AD')
                continue;

            if (result.Length > 0)
            {
                if (pendingNewlines > 0) result.Append(pendingNewlines > 1 ? "\n\n" : "\n");
                else if (pendingSpace) result.Append(' ');
            }
            pendingNewlines = 0;
            pendingSpace = false;
            result.Append(c);
        }
        // Dropping a control or format character can bring together what NFC would have composed or reordered
        // ("e\u0000\u0301", marks out of canonical order): compose again, or the output is neither NFC nor a fixed point.
        // Composition never yields whitespace or controls, so the whitespace rules above still hold.
        string normalized = result.ToString();
        return normalized.IsNormalized(NormalizationForm.FormC) ? normalized : normalized.Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// Normalisation throws ArgumentException on the noncharacters U+FFFE and U+FFFF, which are valid UTF-8 and so get
    /// past the decoder, and on lone surrogates: the noncharacters go (like the BOM, they are not text), lone surrogates
    /// become U+FFFD, so that any string normalises and a file holding them is not retried as a transient failure.
    /// </summary>
    private static string WithoutInvalidCodePoints(string text)
    {
        StringBuilder? clean = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }
            bool invalid = c is '\uFFFE' or '\uFFFF' || char.IsSurrogate(c);
            if (!invalid) { clean?.Append(c); continue; }
            clean ??= new StringBuilder(text.Length).Append(text, 0, i);
            if (char.IsSurrogate(c)) clean.Append('\uFFFD');
        }
        return clean?.ToString() ?? text;
    }
}
