using Microsoft.Extensions.Logging;

namespace Pipeline.Local.Hosting;

/// <summary>The local host's log events: ids 1400-1499.</summary>
internal static partial class LocalLog
{
    [LoggerMessage(EventId = 1400, Level = LogLevel.Warning, Message = "Article scanner paused; it starts over in a few seconds.")]
    public static partial void ScannerPaused(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Article scanner took over: {Finished} articles already finished.")]
    public static partial void ScannerTookOver(this ILogger logger, int finished);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Information, Message = "Article blob {Name} is gone: its deletion is announced.")]
    public static partial void DeletionAnnounced(this ILogger logger, string name);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Warning, Message = "Periodic summary fold failed; the next tick tries again.")]
    public static partial void PeriodicFoldFailed(this ILogger logger, Exception exception);

    /// <remarks>A stack trace every few seconds through an outage would bury the line that says storage is back.</remarks>
    [LoggerMessage(EventId = 1404, Level = LogLevel.Warning, Message = "Storage unreachable ({Reason}); the {Component} tries again in a few seconds.")]
    public static partial void StorageUnreachable(this ILogger logger, string component, string reason);
}
