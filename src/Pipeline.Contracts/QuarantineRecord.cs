namespace Pipeline.Contracts;

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
    public const string ReasonMetadata = "reason";
    public const string SourceETagMetadata = "sourceetag";

    /// <summary>
    /// <c>{name}.error.json</c>, unless that would pass the 1,024-character blob name limit: then the name is cut and a
    /// hash keeps it unique (the record itself carries the full name).
    /// </summary>
    public static string BlobName(string articleName)
    {
        const int maxBlobName = 1024;
        if (articleName.Length + Suffix.Length <= maxBlobName)
            return articleName + Suffix;
        string hash = ArticleIdentity.ArticleId(PipelineNames.QuarantineContainer, articleName)[..16];
        return articleName[..(maxBlobName - Suffix.Length - hash.Length - 1)] + "~" + hash + Suffix;
    }

    public Dictionary<string, string> ToMetadata() => new() { [ReasonMetadata] = Reason, [SourceETagMetadata] = ETag };
}
