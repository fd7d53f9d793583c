using System.Text;
using CsCheck;
using Xunit.Abstractions;
using Pipeline.Ingestion.Parsing;

namespace Pipeline.Ingestion.Tests.Fuzzing;

/// <summary>ArticleDecoder: what was encoded comes back, except where its rules reject the file.</summary>
[Collection(Fuzz.Collection)]
public class DecoderFuzzTests(ITestOutputHelper output)
{
    private enum Encoding_ { Utf8, Utf8Bom, Utf16LittleEndian, Utf16BigEndian }

    private static readonly Gen<string> Input = Gen.Frequency(
        (4, FuzzGen.Text),
        (1, Gen.Const("")),
        (1, Gen.Int[1, 31].Select(c => (char)c).Array[0, 40].Select(chars => new string(chars))), // control characters only
        (1, Gen.Select(FuzzGen.Text, Gen.Int[0, 31].Select(c => (char)c).Array[0, 30], (text, controls) => text + new string(controls))));

    [Fact]
    public void Text_encoded_as_utf8_or_utf16_decodes_to_itself_or_is_rejected_by_the_rules() =>
        Fuzz.Check(Gen.Select(Input, Gen.Enum<Encoding_>()), input =>
        {
            var (text, encoding) = input;
            byte[] bytes = encoding switch
            {
                Encoding_.Utf8 => Encoding.UTF8.GetBytes(text),
                Encoding_.Utf8Bom => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)],
                Encoding_.Utf16LittleEndian => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)],
                _ => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)],
            };
            // Without a BOM, a leading U+FEFF is indistinguishable from one and is taken as one.
            string expectedText = encoding == Encoding_.Utf8 && text.StartsWith('\uFEFF') ? text[1..] : text;
            // FF FE 00 00 is UTF-32's byte order mark, so UTF-16 text that starts with U+0000 reads as UTF-32: whatever
            // that gives, it is text or a rejection, never an exception of another kind.
            if (encoding == Encoding_.Utf16LittleEndian && text.StartsWith('\0'))
            {
                try { ArticleDecoder.Decode(bytes); }
                catch (ArticleRejectedException) { }
                return;
            }
            RejectionReason? expected =
                bytes.Length == 0 ? RejectionReason.Empty
                : expectedText.Contains('\0') || MostlyControl(expectedText) ? RejectionReason.Binary
                : null;

            if (expected is { } reason)
                Assert.Equal(reason, Assert.Throws<ArticleRejectedException>(() => ArticleDecoder.Decode(bytes)).Reason);
            else
                Assert.Equal(Fuzz.Literal(expectedText), Fuzz.Literal(ArticleDecoder.Decode(bytes)));
        }, 10000, output, input => $"({Fuzz.Literal(input.Item1)}, {input.Item2})");

    [Fact]
    public void Random_bytes_decode_to_text_or_are_rejected() =>
        Fuzz.Check(Gen.Frequency(
                (2, Gen.Byte.Array[0, 200]),
                (1, Gen.Select(Gen.OneOf<byte[]>([0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0xFF, 0xFE, 0x00, 0x00]), Gen.Byte.Array[0, 100], (bom, rest) => (byte[])[.. bom, .. rest])),
                (2, FuzzGen.Mutated(FuzzGen.Encoded(FuzzGen.Text)))),
            bytes =>
            {
                string text;
                try { text = ArticleDecoder.Decode(bytes); }
                catch (ArticleRejectedException) { return; }
                Assert.True(Fuzz.IsWellFormedUtf16(text), $"lone surrogate in {Fuzz.Literal(text)}");
                Assert.DoesNotContain('\0', text);
            }, 10000, output, Fuzz.Literal);

    /// <summary>The decoder's documented rule: more control characters (other than line breaks and tabs) than max(8, a tenth of the text).</summary>
    private static bool MostlyControl(string text) =>
        text.Length > 0 && text.Count(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f' or '\v')) > Math.Max(8, text.Length / 10);
}
