namespace Pipeline.Contracts;

/// <summary>The <c>quarantine/{name}.error.json</c> written next to a rejected article.</summary>
/// <param name="Reason">The reason code (<c>Empty</c>, <c>TooLarge</c>, <c>UnsupportedFormat</c>, <c>AnalysisRejected</c>, ...; docs/articles.md lists them all).</param>
/// <param name="Detail">A finer code where one exists (the Language service's error code for <c>AnalysisRejected</c>); null otherwise.</param>
/// <param name="Message">What was wrong, for a person to read.</param>
/// <param name="Container">The container the article arrived in.</param>
/// <param name="Name">The article's full blob name.</param>
/// <param name="ETag">The ETag of the blob version that was rejected.</param>
/// <param name="QuarantinedAt">When the article was quarantined.</param>
public sealed record QuarantineRecord(
    string Reason,
    string? Detail,
    string Message,
    string Container,
    string Name,
    string ETag,
    DateTimeOffset QuarantinedAt)
{
    /// <summary>Appended to the article's name to name its record.</summary>
    public const string Suffix = ".error.json";

    /// <summary>Metadata keys on the record blob: listing the container then answers "why and which version" without a download per record.</summary>
    public const string ReasonMetadata = "reason";

    /// <summary>Metadata key for <see cref="ETag"/>, the rejected version of the article.</summary>
    public const string SourceETagMetadata = "sourceetag";

    /// <summary>
    /// <c>{name}.error.json</c>, unless that would pass the 1,024-character blob name limit: then the name is cut and a
    /// hash keeps it unique (the record itself carries the full name).
    /// </summary>
    /// <param name="articleName">The article's blob name.</param>
    /// <returns>The record's blob name in the <c>quarantine</c> container.</returns>
    public static string BlobName(string articleName)
    {
        const int maxBlobName = 1024;
        if (articleName.Length + Suffix.Length <= maxBlobName)
            return articleName + Suffix;
        string hash = ArticleIdentity.ArticleId(PipelineNames.QuarantineContainer, articleName)[..16];
        return articleName[..(maxBlobName - Suffix.Length - hash.Length - 1)] + "~" + hash + Suffix;
    }

    /// <summary>The record blob's metadata: <see cref="ReasonMetadata"/> and <see cref="SourceETagMetadata"/>.</summary>
    /// <returns>A new dictionary.</returns>
    public Dictionary<string, string> ToMetadata() => new() { [ReasonMetadata] = Reason, [SourceETagMetadata] = ETag };
}
