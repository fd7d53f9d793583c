using System.Text;

namespace Pipeline.Core.Ingestion;

/// <summary>
/// Turns raw bytes into text without ever guessing: UTF-8 (with or without BOM) and UTF-16 with a BOM are accepted,
/// anything else is rejected rather than turned into mojibake.
/// </summary>
public static class ArticleDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16LittleEndian = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16BigEndian = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
            throw new ArticleRejectedException(RejectionReason.Empty, "The file is empty (0 bytes).");

        var (encoding, bomLength) = bytes switch
        {
            [0xFF, 0xFE, 0x00, 0x00, ..] => throw new ArticleRejectedException(RejectionReason.Undecodable, "UTF-32 is not supported; save the file as UTF-8."),
            [0xEF, 0xBB, 0xBF, ..] => ((Encoding)StrictUtf8, 3),
            [0xFF, 0xFE, ..] => (StrictUtf16LittleEndian, 2),
            [0xFE, 0xFF, ..] => (StrictUtf16BigEndian, 2),
            _ => (StrictUtf8, 0),
        };

        var payload = bytes[bomLength..];
        // NUL bytes never occur in UTF-8 text; without a BOM they mean binary content (or UTF-16 without a BOM, which is ambiguous).
        if (bomLength == 0 && payload.Contains((byte)0))
            throw new ArticleRejectedException(RejectionReason.Binary,
                "The file contains NUL bytes: it is binary, or UTF-16 without a byte order mark.");

        string text;
        try
        {
            text = encoding.GetString(payload);
        }
        catch (DecoderFallbackException e)
        {
            throw new ArticleRejectedException(RejectionReason.Undecodable,
                $"The file is not valid {(encoding is UTF8Encoding ? "UTF-8" : "UTF-16")} (invalid bytes at index {e.Index + bomLength}); save it as UTF-8.");
        }

        if (LooksBinary(text))
            throw new ArticleRejectedException(RejectionReason.Binary, "The file is mostly control characters: it is not text.");
        return text;
    }

    private static bool LooksBinary(string text)
    {
        int control = 0;
        foreach (char c in text)
        {
            if (c == '\0') return true;
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f' or '\v'))
                control++;
        }
        return text.Length > 0 && control > Math.Max(8, text.Length / 10);
    }
}
