using System.Globalization;

namespace Pipeline.Analysis.Text;

/// <summary>Text elements (grapheme clusters): the unit of Azure AI Language's per-document limit and of its billing.</summary>
public static class TextElements
{
    /// <summary>The text elements of <paramref name="text"/> from <paramref name="start"/> up to <paramref name="end"/>.</summary>
    public static int Count(string text, int start, int end)
    {
        int count = 0;
        var span = text.AsSpan(start, end - start);
        while (!span.IsEmpty)
        {
            span = span[StringInfo.GetNextTextElementLength(span)..];
            count++;
        }
        return count;
    }
}
