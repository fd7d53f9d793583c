using Microsoft.Extensions.Logging;

namespace Pipeline.Operations;

/// <summary>The operations library's log events: ids 1500-1599.</summary>
internal static partial class OperationsLog
{
    [LoggerMessage(EventId = 1500, Level = LogLevel.Warning, Message = "Reading the summary state for the entity API failed; the next request reads again (the index it answers from meanwhile is of state version {StateVersion}; 0: none).")]
    public static partial void EntityStateReadFailed(this ILogger logger, Exception exception, long stateVersion);
}
