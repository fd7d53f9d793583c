using Microsoft.Extensions.Logging;

namespace Pipeline.Ingestion;

/// <summary>The ingest stage's log events: ids 1000-1099.</summary>
internal static partial class IngestionLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Enriched {Name} as article {ArticleId}: {Entities} entities, {Sentiment}.")]
    public static partial void Enriched(this ILogger logger, string name, string articleId, int entities, SentimentLabel sentiment);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Quarantined {Name}: {Reason} ({Detail})")]
    public static partial void Quarantined(this ILogger logger, string name, string reason, string detail);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Article blob {Name} was deleted before it could be read.")]
    public static partial void Vanished(this ILogger logger, string name);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "A newer revision of {Name} is already enriched; this one is dropped.")]
    public static partial void Superseded(this ILogger logger, string name);
}
