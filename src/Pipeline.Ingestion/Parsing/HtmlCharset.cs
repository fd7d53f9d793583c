using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Ingestion.Parsing;

/// <summary>
/// The HTML standard's encoding prescan, reduced to what pages declare: within the first 1,024 bytes, outside comments,
/// a <c>&lt;meta charset&gt;</c> or a <c>&lt;meta http-equiv="Content-Type" content="…; charset=…"&gt;</c>. As the
/// standard says, a page cannot declare UTF-16 this way (its bytes would not be ASCII-compatible), and the labels for
/// Latin-1 and ASCII mean windows-1252, which is what browsers decode them as.
/// </summary>
internal static partial class HtmlCharset
{
    private const int PrescanBytes = 1024;

    public static string? Prescan(ReadOnlySpan<byte> bytes)
    {
        // Latin-1 maps each byte to one char, so offsets stay byte offsets and no byte can fail to decode.
        string head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, PrescanBytes)]);
        head = Comment().Replace(head, " ");
        var declared = MetaCharset().Match(head);
        if (!declared.Success)
            return null;
        string label = declared.Groups["label"].Value.ToLowerInvariant();
        return label switch
        {
            _ when label.StartsWith("utf-16", StringComparison.Ordinal) => "utf-8",
            "iso-8859-1" or "iso8859-1" or "latin1" or "l1" or "us-ascii" or "ascii" or "iso-ir-100" or "cp819" => "windows-1252",
            _ => label,
        };
    }

    // Inputs are at most 1,024 characters, so these stay cheap whatever a page holds.
    [GeneratedRegex("<!--.*?(-->|$)", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"<meta\s[^>]*?charset\s*=\s*[""']?\s*(?<label>[A-Za-z0-9._:-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();
}
