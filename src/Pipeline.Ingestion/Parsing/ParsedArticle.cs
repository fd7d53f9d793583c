namespace Pipeline.Ingestion.Parsing;

/// <summary>An article after format parsing and normalisation: the text that is analysed is <see cref="Text"/>.</summary>
public sealed record ParsedArticle
{
    public required string Title { get; init; }

    /// <summary>Title, a blank line, then the body; offsets of entities and sentences index this string.</summary>
    public required string Text { get; init; }

    public required string Format { get; init; }
    public string? Url { get; init; }
    public string? Publisher { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public string? Language { get; init; }
    public string? ExternalId { get; init; }
}
