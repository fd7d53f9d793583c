using Microsoft.Extensions.Logging;

namespace Pipeline.Summary;

/// <summary>The summary stage's log events: ids 1100-1199.</summary>
internal static partial class SummaryLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Folded {Count} articles into the summary (version {Version}, {Articles} articles).")]
    public static partial void Folded(this ILogger logger, int count, long version, int articles);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Summary state changed while folding {Count} articles; folding again.")]
    public static partial void FoldRaced(this ILogger logger, int count);
}
