using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Summary;
using Pipeline.Local.Hosting;

namespace Pipeline.Testing;

/// <summary>One or more local hosts over a test's Azurite, plus upload-and-wait helpers.</summary>
public sealed class PipelineHarness : IAsyncDisposable
{
    private readonly List<IHost> _hosts = [];
    private readonly AzuriteFixture _azurite;

    private PipelineHarness(AzuriteFixture azurite)
    {
        _azurite = azurite;
        Tracker = new ArticleTracker(azurite.Storage);
    }

    public ArticleTracker Tracker { get; }

    public IServiceProvider Services => _hosts[0].Services;

    public static async Task<PipelineHarness> StartAsync(AzuriteFixture azurite, int hosts = 1, IDictionary<string, string?>? settings = null)
    {
        var harness = new PipelineHarness(azurite);
        for (int i = 0; i < hosts; i++)
        {
            var host = LocalHost.Build(azurite.ConnectionString, settings);
            await host.StartAsync();
            harness._hosts.Add(host);
        }
        return harness;
    }

    public async Task<UploadedArticle> UploadAsync(string name, string content) =>
        await Tracker.UploadAsync(name, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)), CancellationToken.None);

    public async Task<UploadedArticle> UploadFileAsync(string path, string? name = null)
    {
        await using var stream = File.OpenRead(path);
        return await Tracker.UploadAsync(name ?? Path.GetFileName(path), stream, CancellationToken.None);
    }

    /// <summary>Waits until every upload is summarised, quarantined or poisoned.</summary>
    public Task<IReadOnlyList<TrackedArticle>> SettleAsync(IReadOnlyCollection<UploadedArticle> uploads, TimeSpan? timeout = null) =>
        Eventually.ReturnsAsync(
            () => Tracker.CheckAsync(uploads, CancellationToken.None),
            results => results.All(r => r.State != ArticleState.InFlight),
            timeout ?? TimeSpan.FromSeconds(60),
            $"{uploads.Count} uploads to settle",
            results => "still in flight: " + string.Join(", ", results.Where(r => r.State == ArticleState.InFlight).Select(r => r.Article.Name.Length > 60 ? r.Article.Name[..60] + "…" : r.Article.Name)));

    public Task<SummaryDocument?> SummaryAsync() => Services.GetRequiredService<SummaryStore>().ReadLatestAsync(CancellationToken.None);

    public async Task<SummaryState> StateAsync() => (await Services.GetRequiredService<SummaryStore>().ReadStateAsync(CancellationToken.None)).State;

    public async Task StopHostAsync(int index)
    {
        await _hosts[index].StopAsync();
        _hosts[index].Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            try { await host.StopAsync(); } catch (ObjectDisposedException) { }
            host.Dispose();
        }
    }
}
