using System.Globalization;

namespace Pipeline.Local.Emulator;

/// <summary>
/// Offsets and lengths in the unit a request's <c>stringIndexType</c> asks for, converted from the UTF-16 spans the
/// offline analyzer finds. <c>TextElements_v8</c> is what the service's recorded answers show: a base character with the
/// combining marks after it (.NET Framework's <c>StringInfo</c>), so an emoji ZWJ sequence or a skin-tone modifier
/// counts each code point, unlike today's extended grapheme clusters.
/// </summary>
internal sealed class StringIndex
{
    public const string TextElementsV8 = "TextElements_v8";
    public const string UnicodeCodePoint = "UnicodeCodePoint";
    public const string Utf16CodeUnit = "Utf16CodeUnit";

    /// <summary>The REST default when a request names none (the JavaScript and Python SDKs send none).</summary>
    public const string Default = TextElementsV8;

    public static readonly IReadOnlyList<string> Types = [TextElementsV8, UnicodeCodePoint, Utf16CodeUnit];

    /// <summary>For each UTF-16 index, the units that start before it; null for UTF-16 itself.</summary>
    private readonly int[]? _unitsBefore;

    public StringIndex(string text, string type)
    {
        if (type == Utf16CodeUnit) return;
        _unitsBefore = new int[text.Length + 1];
        int units = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (StartsUnit(text, i, type == TextElementsV8)) units++;
            _unitsBefore[i + 1] = units;
        }
    }

    public (int Offset, int Length) Span(int offset, int length)
    {
        if (_unitsBefore is null) return (offset, length);
        int start = _unitsBefore[offset];
        return (start, _unitsBefore[offset + length] - start);
    }

    private static bool StartsUnit(string text, int i, bool textElements)
    {
        if (char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1])) return false;
        return !textElements || i == 0 || CharUnicodeInfo.GetUnicodeCategory(text, i)
            is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark);
    }
}
