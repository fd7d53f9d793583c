using System.Net.Sockets;
using Azure;
using Polly;
using Polly.Retry;

namespace Pipeline.Runtime;

/// <summary>
/// The storage retry: exponential backoff with jitter over storage faults that can pass, around storage calls only
/// (the Language client has its own). What is left after it goes to the host's own retries (dequeue count), then to
/// the poison queue.
/// </summary>
public static class TransientFaults
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        RequestFailedException { Status: 0 or 408 or 429 or 500 or 502 or 503 or 504 } => true,
        RequestFailedException => false,
        HttpRequestException or IOException or SocketException or TimeoutException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsTransient),
        _ => exception.InnerException is not null && IsTransient(exception.InnerException),
    };

    /// <summary>The key of the storage retry pipeline in the Polly registry.</summary>
    public const string StoragePipeline = "pipeline-storage";

    public static ResiliencePipelineBuilder AddStorageRetry(this ResiliencePipelineBuilder builder, int maxRetries = 4, TimeSpan? baseDelay = null) =>
        builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException && IsTransient(e)),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                MaxRetryAttempts = maxRetries,
                Delay = baseDelay ?? TimeSpan.FromMilliseconds(200),
                MaxDelay = TimeSpan.FromSeconds(10),
            });
}
