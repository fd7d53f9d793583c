using System.Globalization;
using System.Text;

namespace Pipeline.Core.Ingestion;

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

        string composed = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        var result = new StringBuilder(composed.Length);
        int pendingNewlines = 0;
        bool pendingSpace = false;

        foreach (char c in composed)
        {
            if (c == '\n' || c == '\u2028' || c == '\u2029' || c == '\f' || c == '\v')
            {
                pendingNewlines += c == '\u2029' ? 2 : 1;
                pendingSpace = false;
                continue;
            }
            if (c == '\r')
                continue; // \r\n and lone \r: the \n (or the next line) carries the break.
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
        return result.ToString();
    }
}
