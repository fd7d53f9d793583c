namespace Pipeline.Core.Storage;

/// <summary>The <c>quarantine/{name}.error.json</c> written next to a rejected article.</summary>
public sealed record QuarantineRecord(
    string Reason,
    string? Detail,
    string Message,
    string Container,
    string Name,
    string ETag,
    DateTimeOffset QuarantinedAt);
