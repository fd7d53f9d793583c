using Microsoft.Extensions.Logging;

namespace Pipeline.Analysis.AzureLanguage;

/// <summary>The Azure AI Language client's log events: ids 1300-1399.</summary>
internal static partial class LanguageLog
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Critical, Message = "Azure AI Language is misconfigured ({Endpoint}, api-version {ApiVersion}, model {ModelVersion}): {Reason}")]
    public static partial void Misconfigured(this ILogger logger, Exception? exception, Uri? endpoint, string apiVersion, string modelVersion, string reason);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "Language service {Kind} does not support language {Language}; document {Id} gets no {Kind} results.")]
    public static partial void UnsupportedLanguage(this ILogger logger, LanguageKind kind, string? language, string id);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "Analysis cache entry {Key} could not be read; analysing again.")]
    public static partial void CacheReadFailed(this ILogger logger, Exception exception, string key);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Warning, Message = "Analysis cache entry {Key} could not be written; the next identical text is analysed again.")]
    public static partial void CacheWriteFailed(this ILogger logger, Exception exception, string key);
}
