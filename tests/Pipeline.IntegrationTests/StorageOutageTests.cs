using Pipeline.Local.Generation;
using Pipeline.Local.Hosting;
using Pipeline.Local.Reliability;
using Pipeline.Runtime;
using Pipeline.Summary;
using Polly;

namespace Pipeline.IntegrationTests;

/// <summary>
/// Storage dies under running hosts, as a crash or the OOM killer would kill Azurite (SIGKILL), and the hosts carry on:
/// every article uploaded before and after is summarised exactly once. Loopback only, bounded in time.
/// </summary>
public class StorageOutageTests(Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>
    /// Longer than the 20-odd seconds after which a refused poll used to take a host down; PIPELINE_OUTAGE_SECONDS sets a
    /// longer one for a measured run (docs/measurements.md).
    /// </summary>
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("PIPELINE_OUTAGE_SECONDS"), System.Globalization.CultureInfo.InvariantCulture, out int seconds) ? seconds : 45);

    /// <summary>The newsroom's side: an upload refused while storage is down is tried again.</summary>
    private static readonly ResiliencePipeline NewsroomRetry =
        new ResiliencePipelineBuilder().AddStorageRetry(maxRetries: 30, baseDelay: TimeSpan.FromMilliseconds(500)).Build();

    private static async Task<List<UploadedArticle>> UploadAsync(ArticleTracker tracker, IEnumerable<(string Name, byte[] Content)> articles)
    {
        var uploads = new List<UploadedArticle>();
        foreach (var (name, content) in articles)
            uploads.Add(await NewsroomRetry.ExecuteAsync(async ct => await tracker.UploadAsync(name, new MemoryStream(content), ct)));
        return uploads;
    }

    private async Task AssertEachSummarisedOnceAsync(PipelineStorage storage, List<UploadedArticle> uploads, params PipelineHostProcess[] hosts)
    {
        var results = await new ArticleTracker(storage).WaitUntilSettledAsync(uploads, TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(1), CancellationToken.None);
        var summary = await new SummaryStore(storage).ReadStateAsync(CancellationToken.None);
        foreach (var host in hosts) output.WriteLine(string.Join('\n', host.Output));

        Assert.All(results, r => Assert.Equal(ArticleState.Summarised, r.State));
        Assert.Equal(uploads.Count, summary.State.ArticleCount);
        Assert.All(hosts, host => Assert.False(host.HasExited, "a host exited during the outage"));
    }

    [Fact]
    public async Task The_host_that_owns_azurite_starts_it_again_after_a_SIGKILL_and_loses_nothing()
    {
        string dataDir = Path.Combine(Path.GetTempPath(), "pipeline-outage-" + Guid.NewGuid().ToString("N"));
        var articles = ArticleGenerator.Generate(20, seed: 18).ToList();
        using var host = PipelineHostProcess.Start("run", "--port", "0", "--data-dir", dataDir);
        try
        {
            await host.WaitForLineAsync("Ctrl+C stops", TimeSpan.FromSeconds(60));
            var storage = PipelineStorage.FromConnectionString((await EmbeddedAzurite.FindRunningAsync(dataDir, CancellationToken.None))!);
            var tracker = new ArticleTracker(storage);
            var uploads = await UploadAsync(tracker, articles.Take(10));
            await tracker.WaitUntilSettledAsync(uploads, TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(1), CancellationToken.None);
            await Task.Delay(EmbeddedAzurite.SaveInterval);

            Assert.True(EmbeddedAzurite.Crash(dataDir));
            await host.WaitForLineAsync("Embedded Azurite is back", TimeSpan.FromSeconds(60));
            uploads.AddRange(await UploadAsync(tracker, articles.Skip(10)));

            await AssertEachSummarisedOnceAsync(storage, uploads, host);
            Assert.Contains(host.Output, line => line.Contains("Embedded Azurite exited unexpectedly; starting it again on the same ports and data.", StringComparison.Ordinal));
        }
        finally
        {
            await host.InterruptAsync(TimeSpan.FromSeconds(30));
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task Two_hosts_outlive_an_outage_of_the_storage_they_share()
    {
        string dataDir = Path.Combine(Path.GetTempPath(), "pipeline-outage-" + Guid.NewGuid().ToString("N"));
        var azurite = await EmbeddedAzurite.StartAsync(dataDir);
        var articles = ArticleGenerator.Generate(20, seed: 19).ToList();
        var hosts = new List<PipelineHostProcess>();
        try
        {
            for (int i = 0; i < 2; i++)
            {
                var host = PipelineHostProcess.Start("run", "--storage", azurite.ConnectionString, "--port", "0");
                hosts.Add(host);
                await host.WaitForLineAsync("Ctrl+C stops", TimeSpan.FromSeconds(60));
            }
            var storage = PipelineStorage.FromConnectionString(azurite.ConnectionString);
            var tracker = new ArticleTracker(storage);
            var uploads = await UploadAsync(tracker, articles.Take(10));
            await tracker.WaitUntilSettledAsync(uploads, TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(1), CancellationToken.None);
            await Task.Delay(EmbeddedAzurite.SaveInterval);

            int[] ports = azurite.Ports;
            Assert.True(EmbeddedAzurite.Crash(dataDir));
            await azurite.DisposeAsync();
            await Task.Delay(Outage); // The outage itself: what is under test is that the hosts are still there after it.
            Assert.All(hosts, host => Assert.False(host.HasExited, "a host exited during the outage"));
            azurite = await EmbeddedAzurite.StartAsync(dataDir, ports);
            uploads.AddRange(await UploadAsync(tracker, articles.Skip(10)));

            await AssertEachSummarisedOnceAsync(storage, uploads, [.. hosts]);
            Assert.All(hosts, host => Assert.Contains(host.Output, line => line.Contains("Storage unreachable", StringComparison.Ordinal)));
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.InterruptAsync(TimeSpan.FromSeconds(30));
                host.Dispose();
            }
            await azurite.DisposeAsync();
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
        }
    }
}
