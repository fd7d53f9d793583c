using System.Globalization;
using System.Text.RegularExpressions;
using System.Threading.RateLimiting;
using Azure;
using Pipeline.Runtime;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Timeout;

namespace Pipeline.Analysis.AzureLanguage;

/// <summary>
/// The one Polly pipeline around every Language request, outermost first:
/// retry (exponential backoff with jitter, or exactly what the service asked for) → circuit breaker → rate limiter → per-attempt timeout.
/// The limiter sits inside the retry so that retries spend permits too: every attempt counts against the tier's
/// requests per minute, and a limiter outside the retry would let a burst of retries break the rate it exists to keep.
/// The breaker sits outside the limiter so that an open circuit fails fast without taking a permit.
/// </summary>
internal static partial class LanguageResilience
{
    /// <summary>The key of the Language pipeline in the Polly registry.</summary>
    public const string PipelineKey = "pipeline-language";

    public static ResiliencePipelineBuilder AddLanguageResilience(this ResiliencePipelineBuilder builder, LanguageOptions options, RateLimiter limiter) => builder
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<LanguageServiceTransientException>().Handle<TimeoutRejectedException>(),
            MaxRetryAttempts = options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryBaseDelay,
            MaxDelay = options.RetryMaxDelay,
            // null falls back to the backoff above.
            DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is LanguageServiceTransientException { RetryAfter: { } hint }
                ? (TimeSpan?)(hint < options.RetryMaxDelay ? hint : options.RetryMaxDelay)
                : null),
            OnRetry = args =>
            {
                string reason = args.Outcome.Exception switch
                {
                    LanguageServiceTransientException { Status: > 0 } e => e.Status.ToString(CultureInfo.InvariantCulture),
                    LanguageServiceTransientException e => e.Code ?? "network",
                    TimeoutRejectedException => "timeout",
                    _ => "other",
                };
                PipelineTelemetry.AnalyzerRetries.Add(1, new KeyValuePair<string, object?>("reason", reason));
                PipelineTelemetry.AnalyzerRetryDelay.Add(args.RetryDelay.TotalMilliseconds);
                return default;
            },
        })
        .AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            // Throttling says the service is healthy and busy: the rate limiter and Retry-After handle it, the breaker must not.
            ShouldHandle = new PredicateBuilder().Handle<LanguageServiceTransientException>(e => e.Status != 429).Handle<TimeoutRejectedException>(),
            FailureRatio = options.BreakerFailureRatio,
            MinimumThroughput = options.BreakerMinimumThroughput,
            SamplingDuration = options.BreakerSamplingDuration,
            BreakDuration = options.BreakerDuration,
        })
        .AddRateLimiter(new RateLimiterStrategyOptions
        {
            // The batcher takes the first attempt's permit before it fills the batch; retries take their own.
            RateLimiter = args =>
            {
                if (args.Context.Properties.TryGetValue(HeldPermit, out var held) && held is not null)
                {
                    args.Context.Properties.Set(HeldPermit, null);
                    return ValueTask.FromResult(held);
                }
                return limiter.AcquireAsync(1, args.Context.CancellationToken);
            },
        })
        .AddTimeout(options.AttemptTimeout);

    /// <summary>A permit the caller acquired before the call, spent by its first attempt.</summary>
    public static readonly ResiliencePropertyKey<RateLimitLease?> HeldPermit = new("pipeline-language.held-permit");

    /// <summary>
    /// How long the service asked us to wait: <c>retry-after-ms</c> / <c>x-ms-retry-after-ms</c> (milliseconds),
    /// <c>Retry-After</c> (seconds or an HTTP date), or, when no header says, the 429 message's "retry after N seconds".
    /// </summary>
    public static TimeSpan? RetryAfter(Response response, string? message, TimeProvider clock)
    {
        foreach (string header in (ReadOnlySpan<string>)["retry-after-ms", "x-ms-retry-after-ms"])
        {
            if (response.Headers.TryGetValue(header, out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out double milliseconds) && milliseconds >= 0)
                return TimeSpan.FromMilliseconds(milliseconds);
        }
        if (response.Headers.TryGetValue("Retry-After", out var retryAfter))
        {
            if (int.TryParse(retryAfter, NumberStyles.Integer, CultureInfo.InvariantCulture, out int seconds) && seconds >= 0)
                return TimeSpan.FromSeconds(seconds);
            if (DateTimeOffset.TryParseExact(retryAfter, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                var wait = date - clock.GetUtcNow();
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }
        if (message is not null && RetryAfterText().Match(message) is { Success: true } match)
            return TimeSpan.FromSeconds(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
        return null;
    }

    [GeneratedRegex(@"retry after (\d{1,5}) second", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RetryAfterText();
}
