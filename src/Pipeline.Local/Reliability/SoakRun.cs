using System.Diagnostics;
using Pipeline.Runtime;
using Pipeline.Summary;
using Pipeline.Local.Generation;
using Pipeline.Local.Hosting;
using Polly;

namespace Pipeline.Local.Reliability;

/// <summary>The faults one soak run injects while its articles flow.</summary>
public sealed record SoakOptions(int Articles, int Hosts, int Kills, bool RestartStorage, bool LanguageFaults, int Seed = 20261128)
{
    /// <summary>Every 50th article is an empty file, so the books must balance with quarantines too.</summary>
    public const int EmptyEvery = 50;
}

public sealed record SoakReport(
    int Uploaded, int Summarised, int Quarantined, int Poisoned, int Unaccounted, int SummaryArticleCount,
    int Kills, int StorageRestarts, TimeSpan Elapsed, IReadOnlyList<string> HostReports)
{
    /// <summary>Nothing lost, nothing counted twice, nothing poisoned.</summary>
    public bool ExactlyOnce => Unaccounted == 0 && Poisoned == 0 && Summarised + Quarantined == Uploaded && SummaryArticleCount == Summarised;
}

/// <summary>
/// A worst day, on loopback only and bounded in time: several `pipeline run` host processes compete for one Azurite
/// while articles are uploaded; hosts are killed with SIGKILL and restarted, Azurite itself is restarted, and each host
/// may talk to a Language emulator that answers 30% 429s and 10% 503s. Then the books are checked.
/// </summary>
public sealed class SoakRun(SoakOptions options, TextWriter log)
{
    /// <summary>
    /// Messages a killed host had taken stay invisible until the queue listener's fixed 10-minute visibility timeout
    /// (WebJobs and Functions alike) runs out; only then does another host get them. So settling may take that long.
    /// </summary>
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromMinutes(12);

    /// <summary>The newsroom's side of an Azurite restart: a refused call is tried again (the pipeline's own storage retry).</summary>
    private static readonly ResiliencePipeline NewsroomRetry =
        new ResiliencePipelineBuilder().AddStorageRetry(maxRetries: 30, baseDelay: TimeSpan.FromMilliseconds(500)).Build();

    public async Task<SoakReport> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        string dataDir = Path.Combine(Path.GetTempPath(), "pipeline-soak-" + Guid.NewGuid().ToString("N"));
        var azurite = await EmbeddedAzurite.StartAsync(dataDir, cancellationToken: cancellationToken);
        var hosts = new List<PipelineHostProcess>();
        int kills = 0, restarts = 0;
        try
        {
            var storage = PipelineStorage.FromConnectionString(azurite.ConnectionString);
            await storage.EnsureCreatedAsync(cancellationToken);
            for (int i = 0; i < options.Hosts; i++)
                hosts.Add(await StartHostAsync(azurite.ConnectionString, options.LanguageFaults, cancellationToken));
            log.WriteLine($"{options.Hosts} hosts running on Azurite {string.Join('/', azurite.Ports)}; uploading {options.Articles} articles.");

            var tracker = new ArticleTracker(storage);
            var articles = ArticleGenerator.Generate(options.Articles, options.Seed)
                .Select((a, i) => (a.Name, Content: i % SoakOptions.EmptyEvery == SoakOptions.EmptyEvery - 1 ? [] : a.Content)).ToList();
            var uploads = new UploadedArticle[articles.Count];
            int uploaded = 0;
            var uploading = Parallel.ForEachAsync(Enumerable.Range(0, articles.Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (i, ct) =>
            {
                uploads[i] = await NewsroomRetry.ExecuteAsync(async c => await tracker.UploadAsync(articles[i].Name, new MemoryStream(articles[i].Content), c), ct);
                Interlocked.Increment(ref uploaded);
            });

            // Faults at fixed points of the upload, so every run injects the same ones.
            var faults = new List<(double At, string What)>();
            for (int k = 0; k < options.Kills; k++) faults.Add(((k + 1.0) / (options.Kills + 1.5), "kill"));
            if (options.RestartStorage) faults.Add((0.5, "restart"));
            foreach (var (at, what) in faults.OrderBy(f => f.At))
            {
                while (Volatile.Read(ref uploaded) < at * articles.Count && !uploading.IsCompleted)
                    await Task.Delay(50, cancellationToken);
                if (what == "kill")
                {
                    int victim = kills % hosts.Count;
                    hosts[victim].Kill();
                    log.WriteLine($"SIGKILL host {victim} at {uploaded} uploads; restarting it.");
                    hosts[victim] = await StartHostAsync(azurite.ConnectionString, options.LanguageFaults, cancellationToken);
                    kills++;
                }
                else
                {
                    int[] ports = azurite.Ports;
                    await azurite.DisposeAsync();
                    log.WriteLine($"Azurite stopped at {uploaded} uploads; starting it again on the same ports.");
                    azurite = await EmbeddedAzurite.StartAsync(dataDir, ports, cancellationToken);
                    restarts++;
                }
            }
            await uploading;
            log.WriteLine($"All {articles.Count} uploaded after {clock.Elapsed.TotalSeconds:F0} s; waiting for every article to settle.");

            var results = await NewsroomRetry.ExecuteAsync(async c => await tracker.WaitUntilSettledAsync(uploads, SettleTimeout, TimeSpan.FromSeconds(1), c), cancellationToken);

            var summary = await new SummaryStore(storage).ReadStateAsync(cancellationToken);
            var reports = new List<string>();
            foreach (var host in hosts)
            {
                await host.InterruptAsync(TimeSpan.FromSeconds(30));
                reports.AddRange(host.Output.Where(l => l.StartsWith("Language ", StringComparison.Ordinal)));
            }
            return new SoakReport(
                uploads.Length,
                results.Count(r => r.State == ArticleState.Summarised),
                results.Count(r => r.State == ArticleState.Quarantined),
                results.Count(r => r.State == ArticleState.Poisoned),
                results.Count(r => r.State == ArticleState.InFlight),
                summary.State.ArticleCount, kills, restarts, clock.Elapsed, reports);
        }
        finally
        {
            foreach (var host in hosts) host.Dispose();
            await azurite.DisposeAsync();
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<PipelineHostProcess> StartHostAsync(string connectionString, bool languageFaults, CancellationToken cancellationToken)
    {
        string[] arguments = ["run", "--storage", connectionString, "--port", "0"];
        if (languageFaults)
            arguments = [.. arguments, "--emulate-language", "--emulator-429-rate", "0.3", "--emulator-503-rate", "0.1"];
        var host = PipelineHostProcess.Start(arguments);
        await host.WaitForLineAsync("Ctrl+C stops", TimeSpan.FromSeconds(60), cancellationToken);
        return host;
    }
}
