namespace Pipeline.Ingestion.Parsing;

/// <summary>.txt: the first non-empty line is the title, the rest is the body.</summary>
internal static class PlainTextFormat
{
    public static RawArticle Parse(string text)
    {
        using var reader = new StringReader(text);
        string? line;
        while ((line = reader.ReadLine()) is not null && string.IsNullOrWhiteSpace(line)) { }
        return new RawArticle(line?.Trim(), reader.ReadToEnd());
    }
}
