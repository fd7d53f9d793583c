using Microsoft.Extensions.Logging;

namespace Pipeline.Summary;

/// <summary>The summary stage's log events: ids 1100-1199.</summary>
internal static partial class SummaryLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Folded {Count} articles into the summary (version {Version}, {Articles} articles).")]
    public static partial void Folded(this ILogger logger, int count, long version, int articles);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Summary state changed while folding {Count} articles; folding again.")]
    public static partial void FoldRaced(this ILogger logger, int count);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Deleted blob {Name} (article {ArticleId}): {Outcome}.")]
    public static partial void Retraction(this ILogger logger, string name, string articleId, RetractOutcome outcome);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "A BlobDeleted event for {Container}/{Name}, outside the articles container, was ignored.")]
    public static partial void NotAnArticle(this ILogger logger, string container, string name);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "Revision {ContentHash} of article {ArticleId} was refused: the article is retracted and its blob is gone.")]
    public static partial void RevisionRefused(this ILogger logger, string articleId, string contentHash);
}
