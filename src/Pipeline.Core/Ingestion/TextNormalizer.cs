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
        return result.ToString();
    }
}
