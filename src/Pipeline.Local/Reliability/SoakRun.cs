using System.Diagnostics;
using System.Globalization;
using Azure;
using Pipeline.Core.Storage;
using Pipeline.Core.Summary;
using Pipeline.Local.Commands;
using Pipeline.Local.Generation;
using Pipeline.Local.Hosting;

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

    public async Task<SoakReport> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        string dataDir = Path.Combine(Path.GetTempPath(), "pipeline-soak-" + Guid.NewGuid().ToString("N"));
        var azurite = await EmbeddedAzurite.StartAsync(dataDir, cancellationToken);
        var hosts = new List<HostProcess>();
        int kills = 0, restarts = 0;
        try
        {
            var storage = PipelineStorage.FromConnectionString(azurite.ConnectionString);
            await storage.EnsureCreatedAsync(cancellationToken);
            for (int i = 0; i < options.Hosts; i++)
                hosts.Add(await HostProcess.StartAsync(azurite.ConnectionString, options.LanguageFaults, cancellationToken));
            log.WriteLine($"{options.Hosts} hosts running on Azurite {string.Join('/', azurite.Ports)}; uploading {options.Articles} articles.");

            var tracker = new ArticleTracker(storage);
            var articles = ArticleGenerator.Generate(options.Articles, options.Seed)
                .Select((a, i) => (a.Name, Content: i % SoakOptions.EmptyEvery == SoakOptions.EmptyEvery - 1 ? [] : a.Content)).ToList();
            var uploads = new UploadedArticle[articles.Count];
            int uploaded = 0;
            var uploading = Parallel.ForEachAsync(Enumerable.Range(0, articles.Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (i, ct) =>
            {
                uploads[i] = await WithRetriesAsync(() => tracker.UploadAsync(articles[i].Name, new MemoryStream(articles[i].Content), ct), ct);
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
                    hosts[victim] = await HostProcess.StartAsync(azurite.ConnectionString, options.LanguageFaults, cancellationToken);
                    kills++;
                }
                else
                {
                    int[] ports = azurite.Ports;
                    await azurite.DisposeAsync();
                    log.WriteLine($"Azurite stopped at {uploaded} uploads; starting it again on the same ports.");
                    azurite = await EmbeddedAzurite.StartAsync(dataDir, cancellationToken, ports);
                    restarts++;
                }
            }
            await uploading;
            log.WriteLine($"All {articles.Count} uploaded after {clock.Elapsed.TotalSeconds:F0} s; waiting for every article to settle.");

            var settle = Stopwatch.StartNew();
            IReadOnlyList<TrackedArticle> results = [];
            while (settle.Elapsed < SettleTimeout)
            {
                results = await WithRetriesAsync(() => tracker.CheckAsync(uploads, cancellationToken), cancellationToken);
                if (results.All(r => r.State != ArticleState.InFlight)) break;
                await Task.Delay(1000, cancellationToken);
            }

            var summary = await new SummaryStore(storage).ReadStateAsync(cancellationToken);
            var reports = new List<string>();
            foreach (var host in hosts)
                reports.AddRange(await host.StopAsync());
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
            foreach (var host in hosts) host.Kill();
            await azurite.DisposeAsync();
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>The newsroom's side of an Azurite restart: a refused upload is tried again.</summary>
    private static async Task<T> WithRetriesAsync<T>(Func<Task<T>> action, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            try { return await action(); }
            catch (Exception e) when (attempt < 60 && e is RequestFailedException or HttpRequestException or IOException or AggregateException)
            {
                await Task.Delay(500, cancellationToken);
            }
        }
    }

    /// <summary>One `pipeline run` process.</summary>
    private sealed class HostProcess
    {
        private readonly Process _process;
        private readonly List<string> _output = [];

        private HostProcess(Process process) => _process = process;

        public static async Task<HostProcess> StartAsync(string connectionString, bool languageFaults, CancellationToken cancellationToken)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string argument in new[] { typeof(SoakRun).Assembly.Location, "run", "--storage", connectionString, "--port", "0" })
                start.ArgumentList.Add(argument);
            if (languageFaults)
                foreach (string argument in new[] { "--emulate-language", "--emulator-429-rate", "0.3", "--emulator-503-rate", "0.1" })
                    start.ArgumentList.Add(argument);
            var host = new HostProcess(Process.Start(start)!);
            var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            host._process.OutputDataReceived += (_, line) =>
            {
                if (line.Data is null) return;
                lock (host._output) host._output.Add(line.Data);
                if (line.Data.Contains("Ctrl+C stops", StringComparison.Ordinal)) ready.TrySetResult();
            };
            host._process.ErrorDataReceived += (_, _) => { };
            host._process.BeginOutputReadLine();
            host._process.BeginErrorReadLine();
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
            return host;
        }

        public void Kill()
        {
            if (!_process.HasExited) _process.Kill(); // SIGKILL: nothing in the host gets to clean up.
        }

        /// <summary>SIGINT, then the host's own report lines (Language client counters).</summary>
        public async Task<IReadOnlyList<string>> StopAsync()
        {
            if (!_process.HasExited)
            {
                Process.Start("kill", ["-INT", _process.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                try { await _process.WaitForExitAsync(timeout.Token); } catch (OperationCanceledException) { Kill(); }
            }
            lock (_output) return _output.Where(l => l.StartsWith("Language ", StringComparison.Ordinal)).ToList();
        }
    }
}
