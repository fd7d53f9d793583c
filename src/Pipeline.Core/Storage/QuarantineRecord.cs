namespace Pipeline.Core.Storage;

/// <summary>The <c>quarantine/{name}.error.json</c> written next to a rejected article.</summary>
public sealed record QuarantineRecord(
    string Reason,
    string? Detail,
    string Message,
    string Container,
    string Name,
    string ETag,
    DateTimeOffset QuarantinedAt)
{
    public const string Suffix = ".error.json";

    /// <summary>Metadata keys on the record blob: listing the container then answers "why and which version" without a download per record.</summary>
    internal const string ReasonMetadata = "reason";
    internal const string SourceETagMetadata = "sourceetag";

    public static string BlobName(string articleName) => articleName + Suffix;

    internal Dictionary<string, string> ToMetadata() => new() { [ReasonMetadata] = Reason, [SourceETagMetadata] = ETag };
}
