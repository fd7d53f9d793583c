using Pipeline.Runtime;
using Pipeline.Local.Hosting;

namespace Pipeline.Testing;

/// <summary>A real Azurite for one test class: free loopback ports, a temporary data folder, stopped and deleted afterwards.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "pipeline-tests-" + Guid.NewGuid().ToString("N"));
    private EmbeddedAzurite? _azurite;

    /// <summary>The data folder, as <c>--data-dir</c> of a run: operator commands find this Azurite through it.</summary>
    public string DataDirectory => _dataDirectory;

    public string ConnectionString => _azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite is not started.");

    public PipelineStorage Storage { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _azurite = await EmbeddedAzurite.StartAsync(_dataDirectory);
        Storage = PipelineStorage.FromConnectionString(ConnectionString);
        await Storage.EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null) await _azurite.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
