using System.Text;

namespace Pipeline.Ingestion.Parsing;

/// <summary>
/// Turns raw bytes into text without ever guessing: a byte order mark decides (UTF-8, UTF-16, UTF-32), then the charset
/// the uploader declared (the blob's Content-Type, or for HTML the page's own <c>&lt;meta&gt;</c>), then UTF-8; bytes
/// that are not valid in that encoding are rejected rather than turned into mojibake.
/// </summary>
public static class ArticleDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16LittleEndian = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16BigEndian = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UTF32Encoding StrictUtf32LittleEndian = new(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true);
    private static readonly UTF32Encoding StrictUtf32BigEndian = new(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true);

    static ArticleDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <param name="declaredBy">Where <paramref name="declaredCharset"/> came from, for the rejection's reason.</param>
    public static string Decode(ReadOnlySpan<byte> bytes, string? declaredCharset = null, string declaredBy = "the blob's Content-Type")
    {
        if (bytes.IsEmpty)
            throw new ArticleRejectedException(RejectionReason.Empty, "The file is empty (0 bytes).");

        // UTF-32's marks first: FF FE 00 00 would otherwise read as UTF-16's mark followed by a NUL.
        var (encoding, bomLength) = bytes switch
        {
            [0xFF, 0xFE, 0x00, 0x00, ..] => ((Encoding)StrictUtf32LittleEndian, 4),
            [0x00, 0x00, 0xFE, 0xFF, ..] => (StrictUtf32BigEndian, 4),
            [0xEF, 0xBB, 0xBF, ..] => (StrictUtf8, 3),
            [0xFF, 0xFE, ..] => (StrictUtf16LittleEndian, 2),
            [0xFE, 0xFF, ..] => (StrictUtf16BigEndian, 2),
            _ => (Declared(declaredCharset, declaredBy) ?? StrictUtf8, 0),
        };
        string tried = bomLength > 0 ? "its byte order mark"
            : string.IsNullOrWhiteSpace(declaredCharset) ? "no byte order mark and no declared charset, so UTF-8"
            : $"charset '{declaredCharset.Trim().Trim('"')}' from {declaredBy}";

        var payload = bytes[bomLength..];
        // NUL bytes never occur in byte-oriented text; without a BOM or a declared UTF-16 they mean binary content (or UTF-16 without a BOM, which is ambiguous).
        if (bomLength == 0 && encoding is not (UnicodeEncoding or UTF32Encoding) && payload.Contains((byte)0))
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
                $"The file is not valid {Name(encoding)} (invalid bytes at index {e.Index + bomLength}; tried {tried}); save it as UTF-8 or declare its charset.");
        }

        if (LooksBinary(text))
            throw new ArticleRejectedException(RejectionReason.Binary, "The file is mostly control characters: it is not text.");
        return text;
    }

    private static string Name(Encoding encoding) => encoding switch
    {
        UTF8Encoding => "UTF-8",
        UnicodeEncoding => "UTF-16",
        UTF32Encoding => "UTF-32",
        _ => encoding.WebName,
    };

    /// <summary>The strict decoder for a declared charset; null (UTF-8) when none is declared.</summary>
    private static Encoding? Declared(string? charset, string declaredBy)
    {
        if (string.IsNullOrWhiteSpace(charset)) return null;
        try
        {
            var encoding = Encoding.GetEncoding(charset.Trim().Trim('"'));
            return encoding.CodePage switch
            {
                65001 or 20127 => StrictUtf8, // us-ascii is a subset of UTF-8
                1200 => StrictUtf16LittleEndian,
                1201 => StrictUtf16BigEndian,
                _ => Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback),
            };
        }
        catch (ArgumentException)
        {
            throw new ArticleRejectedException(RejectionReason.Undecodable, $"Charset '{charset}' from {declaredBy} is not a known encoding.");
        }
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
