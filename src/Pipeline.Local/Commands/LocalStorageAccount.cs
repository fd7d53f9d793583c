using Polly;
using Polly.Retry;
using Pipeline.Local.Hosting;

namespace Pipeline.Local.Commands;

/// <summary>The storage a command works against: an account named by --storage or AzureWebJobsStorage, else an embedded Azurite.</summary>
internal sealed class LocalStorageAccount : IAsyncDisposable
{
    /// <summary>How a restart of the embedded Azurite is retried: its ports can stay held for a moment after a crash.</summary>
    private static readonly ResiliencePipeline RestartRetry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<InvalidOperationException>().Handle<TimeoutException>(),
            MaxRetryAttempts = 10,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromMilliseconds(500),
            MaxDelay = TimeSpan.FromSeconds(10),
        })
        .Build();

    private readonly CancellationTokenSource _stopping = new();
    private EmbeddedAzurite? _azurite;
    private Task _supervision = Task.CompletedTask;

    private LocalStorageAccount(string connectionString, string description, EmbeddedAzurite? azurite)
    {
        ConnectionString = connectionString;
        Description = description;
        _azurite = azurite;
    }

    public string ConnectionString { get; }
    public string Description { get; }

    public static async Task<LocalStorageAccount> OpenAsync(string? storage, DirectoryInfo dataDir, CancellationToken cancellationToken)
    {
        string? configured = storage ?? Environment.GetEnvironmentVariable("AzureWebJobsStorage");
        if (!string.IsNullOrWhiteSpace(configured))
            return new LocalStorageAccount(configured, "the configured storage account", null);
        if (EmbeddedAzurite.FindRepositoryRoot() is null)
            throw new InvalidOperationException(EmbeddedAzurite.NoRepository + ", or pass --storage <connection string>.");

        var azurite = await EmbeddedAzurite.StartAsync(dataDir.FullName, cancellationToken: cancellationToken).ConfigureAwait(false);
        var account = new LocalStorageAccount(azurite.ConnectionString, $"embedded Azurite (data in {dataDir.FullName})", azurite);
        account._supervision = account.SuperviseAsync(dataDir.FullName);
        return account;
    }

    /// <summary>
    /// Starts the embedded Azurite again, on the same ports and data, whenever it dies (a crash, the OOM killer): the hosts
    /// using it wait the outage out (LocalHost's storage retry) and carry on, with nothing lost.
    /// </summary>
    private async Task SuperviseAsync(string dataDirectory)
    {
        var stopping = _stopping.Token;
        try
        {
            while (true)
            {
                await _azurite!.WaitForExitAsync(stopping).ConfigureAwait(false);
                var outage = System.Diagnostics.Stopwatch.StartNew();
                var crashed = _azurite;
                _azurite = null;
                Console.WriteLine("Embedded Azurite exited unexpectedly; starting it again on the same ports and data.");
                await crashed.DisposeAsync().ConfigureAwait(false);
                int[] ports = crashed.Ports;
                _azurite = await RestartRetry.ExecuteAsync(async ct => await EmbeddedAzurite.StartAsync(dataDirectory, ports, ct).ConfigureAwait(false), stopping).ConfigureAwait(false);
                Console.WriteLine($"Embedded Azurite is back after {outage.Elapsed.TotalSeconds:F1} s.");
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            await Console.Error.WriteLineAsync($"Embedded Azurite could not be started again ({e.Message}); the hosts stop once their storage retries run out.").ConfigureAwait(false);
        }
    }

    /// <summary>
    /// For the operator commands, which work against a pipeline that is already running: the account named by --storage or
    /// AzureWebJobsStorage, else the embedded Azurite of the <c>run</c> that owns <paramref name="dataDir"/>.
    /// </summary>
    public static async Task<string> LocateRunningAsync(string? storage, DirectoryInfo dataDir, CancellationToken cancellationToken)
    {
        string? configured = storage ?? Environment.GetEnvironmentVariable("AzureWebJobsStorage");
        if (!string.IsNullOrWhiteSpace(configured))
            return configured;
        return await EmbeddedAzurite.FindRunningAsync(dataDir.FullName, cancellationToken).ConfigureAwait(false)
               ?? throw new InvalidOperationException(
                   $"No 'pipeline run' is active on {dataDir.FullName} (nothing listens at {EmbeddedAzurite.EndpointFile(dataDir.FullName)}). " +
                   "Start one with 'pipeline run --data-dir <folder>', or pass --storage <connection string>.");
    }

    public async ValueTask DisposeAsync()
    {
        // Supervision first, so stopping Azurite here is not taken for a crash.
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _supervision.ConfigureAwait(false);
        if (_azurite is not null)
            await _azurite.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }
}
