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

        var azurite = await EmbeddedAzurite.StartAsync(dataDir.FullName, cancellationToken).ConfigureAwait(false);
        return new LocalStorageAccount(azurite.ConnectionString, $"embedded Azurite (data in {dataDir.FullName})", azurite);
    }

    public ValueTask DisposeAsync() => _azurite?.DisposeAsync() ?? ValueTask.CompletedTask;
}
