using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Contracts;

/// <summary>
/// Writes a long string (an article's text, a hostile title) in segments. The writer escapes a string in a buffer six times
/// its length rented from the shared pool, which keeps it: one 10 MB article left 128 MB arrays behind for good.
/// </summary>
internal sealed class SegmentedStringConverter : JsonConverter<string>
{
    private const int Segment = 16 * 1024;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        if (value.Length <= Segment)
        {
            writer.WriteStringValue(value);
            return;
        }
        for (int start = 0; start < value.Length; start += Segment)
        {
            int length = Math.Min(Segment, value.Length - start);
            // A surrogate pair split between two segments is joined again by the writer.
            writer.WriteStringValueSegment(value.AsSpan(start, length), isFinalSegment: start + length == value.Length);
        }
    }
}
