using Microsoft.Extensions.Logging;

namespace Pipeline.Runtime;

/// <summary>Log events of the shared runtime: ids 1200-1299.</summary>
internal static partial class RuntimeLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Error, Message = "Message {MessageId} on {Queue} is rejected ({Reason}); it is now message {PoisonMessageId} on {PoisonQueue}.")]
    public static partial void MessageRejected(this ILogger logger, string messageId, string queue, string reason, string poisonMessageId, string poisonQueue);
}
