namespace Pipeline.Ingestion.Parsing;

/// <summary>Why an article was quarantined. The names are the reason codes written to <c>quarantine/{name}.error.json</c>.</summary>
public enum RejectionReason
{
    Empty,
    TooLarge,
    UnsupportedFormat,
    Undecodable,
    Binary,
    MalformedJson,
    MissingBody,
    NoText,
    TooComplex,
    MalformedHtml,
    AnalysisRejected,
}

/// <summary>Input that will never parse, however often it is retried: it is quarantined, not retried.</summary>
public sealed class ArticleRejectedException(RejectionReason reason, string message) : Exception(message)
{
    public RejectionReason Reason { get; } = reason;

    /// <summary>A finer code where one exists (e.g. the Language service's inner error code).</summary>
    public string? Detail { get; init; }
}
