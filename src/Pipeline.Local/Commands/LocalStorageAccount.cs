using Pipeline.Local.Hosting;

namespace Pipeline.Local.Commands;

/// <summary>The storage a command works against: an account named by --storage or AzureWebJobsStorage, else an embedded Azurite.</summary>
internal sealed class LocalStorageAccount : IAsyncDisposable
{
    private readonly EmbeddedAzurite? _azurite;

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

        var azurite = await EmbeddedAzurite.StartAsync(dataDir.FullName, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new LocalStorageAccount(azurite.ConnectionString, $"embedded Azurite (data in {dataDir.FullName})", azurite);
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

    public ValueTask DisposeAsync() => _azurite?.DisposeAsync() ?? ValueTask.CompletedTask;
}
