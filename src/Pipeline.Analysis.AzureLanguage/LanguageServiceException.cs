namespace Pipeline.Analysis.AzureLanguage;

/// <summary>
/// The Language service could not answer. Never a verdict on the article (that is <see cref="AnalysisRejectedException"/>),
/// so the host retries the article and finally poisons it; the storage retry leaves it alone (see TransientFaults).
/// </summary>
/// <param name="message">What went wrong.</param>
/// <param name="status">HTTP status, 0 when no response arrived.</param>
/// <param name="code">The service's error code, when it gave one.</param>
/// <param name="inner">The underlying failure, if any.</param>
public abstract class LanguageServiceException(string message, int status, string? code, Exception? inner) : Exception(message, inner)
{
    /// <summary>HTTP status, 0 when no response arrived.</summary>
    public int Status { get; } = status;

    /// <summary>The service's error code (inner code when it gave one).</summary>
    public string? Code { get; } = code;
}

/// <summary>Throttling, a server fault, a timeout, a broken connection or an unreadable answer: worth trying again later.</summary>
/// <param name="message">What went wrong.</param>
/// <param name="status">HTTP status, 0 when no response arrived.</param>
/// <param name="code">The service's error code, when it gave one.</param>
/// <param name="retryAfter">How long the service asked us to wait, when it said.</param>
/// <param name="inner">The underlying failure, if any.</param>
public sealed class LanguageServiceTransientException(string message, int status = 0, string? code = null, TimeSpan? retryAfter = null, Exception? inner = null)
    : LanguageServiceException(message, status, code, inner)
{
    /// <summary>How long the service asked us to wait, from its headers or its message.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>Wrong key, endpoint, path, API or model version, or a host name that does not resolve: an operator has to act.</summary>
/// <param name="message">What went wrong.</param>
/// <param name="status">HTTP status, 0 when no response arrived.</param>
/// <param name="code">The service's error code, or <c>HostNotFound</c>.</param>
/// <param name="inner">The underlying failure, if any.</param>
public sealed class LanguageServiceConfigurationException(string message, int status = 0, string? code = null, Exception? inner = null)
    : LanguageServiceException(message, status, code, inner);
