using System.Globalization;
using Pipeline.Analysis;
using Pipeline.Analysis.AzureLanguage;
using Pipeline.Analysis.Text;
using Pipeline.Ingestion.Enrichment;
using Pipeline.Ingestion.Parsing;
using Pipeline.Local.Emulator;
using Pipeline.Local.Generation;
using Pipeline.Local.Hosting;
using Pipeline.Local.Reliability;
using Pipeline.Runtime;

namespace Pipeline.Local.Benchmark;

/// <summary>What one emulated-Language benchmark runs: hosts, the resource's rate, how each host paces and batches.</summary>
/// <param name="Articles">Articles in the burst.</param>
/// <param name="Hosts">`pipeline run` host processes sharing the resource.</param>
/// <param name="ResourceRequestsPerMinute">The emulated resource's rate, one budget for all hosts (S: 1,000).</param>
/// <param name="Share">Each host's <see cref="LanguageOptions.RequestsPerMinute"/>.</param>
/// <param name="Adaptive">Whether hosts adapt between their share and the resource's rate.</param>
/// <param name="BatchLinger">Each host's <see cref="LanguageOptions.BatchLinger"/>.</param>
/// <param name="PacedArticles">Articles sent one a second afterwards, for the latency at low load.</param>
/// <param name="Seed">Seed of the generated articles.</param>
/// <param name="Parallelism">Concurrent uploads.</param>
/// <param name="MaxLength">The longest generated article body, in characters.</param>
internal sealed record LanguageBenchmarkOptions(int Articles, int Hosts, int ResourceRequestsPerMinute, int Share, bool Adaptive, TimeSpan BatchLinger,
    int PacedArticles, int Seed, int Parallelism, int MaxLength);

/// <summary>
/// The pipeline against one Language resource: an <c>emulate-language</c> process enforcing the resource's rate across every
/// client, and <see cref="LanguageBenchmarkOptions.Hosts"/> <c>pipeline run</c> processes with the Azure client, configured
/// through the environment as Azure configures instances. Three phases: a burst (throughput, calls per article, the share
/// of calls answered 429, text records billed against what the chunks must bill), the burst's first articles again under
/// new names (the enrichment cache: nothing may be billed twice), and a paced run at one article a second (latency at low
/// load). The emulator's own counts are read over HTTP; every host's client report is printed at the end.
/// </summary>
internal sealed class LanguageBenchmark(string connectionString, LanguageBenchmarkOptions options, TextWriter log)
{
    private const string Key = "bench-key";
    private const int CacheArticles = 200;
    private const double PacedRate = 1;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        log.WriteLine($"load before: {LoadAverage()}");
        var storage = PipelineStorage.FromConnectionString(connectionString);
        await storage.EnsureCreatedAsync(cancellationToken);
        var tracker = new ArticleTracker(storage);
        using var emulator = PipelineHostProcess.Start("emulate-language", "--port", "0", "--key", Key,
            "--429-rpm", options.ResourceRequestsPerMinute.ToString(CultureInfo.InvariantCulture));
        var hosts = new List<PipelineHostProcess>();
        try
        {
            await emulator.WaitForLineAsync("listening on", TimeSpan.FromSeconds(60), cancellationToken);
            var endpoint = new Uri(emulator.Output.First(l => l.Contains("listening on", StringComparison.Ordinal)).Split(' ')[4]);
            await StartHostsAsync(endpoint, hosts, cancellationToken);

            var burst = ArticleGenerator.Generate(options.Articles, options.Seed, options.MaxLength).ToList();
            var before = await LanguageEmulatorStats.ReadAsync(endpoint, cancellationToken);
            var (_, burstLatency, elapsed) = await ArticleLoad.RunAsync(tracker, burst, pace: null, options.Parallelism, slowest: 0.5, cancellationToken);
            var afterBurst = await LanguageEmulatorStats.ReadAsync(endpoint, cancellationToken);
            var (chunks, expectedRecords) = Expected(burst);
            Report("burst", burst.Count, chunks, before, afterBurst);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"burst:   {burst.Count / elapsed.TotalMinutes:N0} articles/min ({burst.Count} in {elapsed.TotalSeconds:F0} s); latency upload→summarised p50 {burstLatency.P50:F1} s, p95 {burstLatency.P95:F1} s"));
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"billing: {afterBurst.TextRecords - before.TextRecords:N0} text records billed for the burst; its distinct chunks bill {expectedRecords:N0} once each"));

            var again = burst.Take(CacheArticles).Select(a => ("again/" + a.Name, a.Content)).ToList();
            await ArticleLoad.RunAsync(tracker, again, pace: null, options.Parallelism, slowest: 0.5, cancellationToken);
            var afterAgain = await LanguageEmulatorStats.ReadAsync(endpoint, cancellationToken);
            log.WriteLine($"cache:   {again.Count} burst articles again under new names: {afterAgain.Requests - afterBurst.Requests} calls, {afterAgain.TextRecords - afterBurst.TextRecords} text records");

            if (options.PacedArticles > 0)
            {
                var paced = ArticleGenerator.Generate(options.PacedArticles, options.Seed + 1, options.MaxLength)
                    .Select(a => (a.Name.Replace("generated/", "paced/", StringComparison.Ordinal), a.Content)).ToList();
                var (_, pacedLatency, _) = await ArticleLoad.RunAsync(tracker, paced, PacedRate, options.Parallelism, slowest: 0.5, cancellationToken);
                var afterPaced = await LanguageEmulatorStats.ReadAsync(endpoint, cancellationToken);
                Report("paced", paced.Count, Expected(paced).Chunks, afterAgain, afterPaced);
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"paced:   {paced.Count} articles at {PacedRate:F0} a second: latency upload→summarised p50 {pacedLatency.P50:F2} s, p95 {pacedLatency.P95:F2} s, p99 {pacedLatency.P99:F2} s"));
            }
            log.WriteLine($"load after: {LoadAverage()}");
        }
        finally
        {
            for (int i = 0; i < hosts.Count; i++)
            {
                await hosts[i].InterruptAsync(TimeSpan.FromSeconds(30));
                foreach (string line in hosts[i].Output.Where(l => l.StartsWith("Language client", StringComparison.Ordinal)))
                    log.WriteLine($"host {i}: {line}");
                hosts[i].Dispose();
            }
            await emulator.InterruptAsync(TimeSpan.FromSeconds(30));
            // Its counts for the whole run, printed as Ctrl+C stops it; said when missing, as the lack of them once went unnoticed.
            string? counts = emulator.Output.FirstOrDefault(l => l.StartsWith("Language emulator:", StringComparison.Ordinal));
            log.WriteLine($"emulator: {counts ?? "no counts: it did not stop in order"}");
        }
    }

    /// <summary>
    /// The hosts read their Language settings from the environment, as Function instances read app settings; a child process
    /// inherits this process's environment, so it is set around their start and restored after. Each host joins
    /// <paramref name="hosts"/> as it starts, so that an interrupted start still stops it.
    /// </summary>
    private async Task StartHostsAsync(Uri endpoint, List<PipelineHostProcess> hosts, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Pipeline__Language__RequestsPerMinute"] = options.Share.ToString(CultureInfo.InvariantCulture),
            ["Pipeline__Language__ResourceRequestsPerMinute"] = options.Adaptive ? options.ResourceRequestsPerMinute.ToString(CultureInfo.InvariantCulture) : null,
            ["Pipeline__Language__BatchLinger"] = options.BatchLinger.ToString("c", CultureInfo.InvariantCulture),
        };
        var saved = settings.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        try
        {
            foreach (var (name, value) in settings)
                Environment.SetEnvironmentVariable(name, value);
            for (int i = 0; i < options.Hosts; i++)
                hosts.Add(PipelineHostProcess.Start("run", "--storage", connectionString, "--port", "0",
                    "--analyzer", "azure", "--language-endpoint", endpoint.ToString(), "--language-key", Key));
        }
        finally
        {
            foreach (var (name, value) in saved)
                Environment.SetEnvironmentVariable(name, value);
        }
        foreach (var host in hosts)
            await host.WaitForLineAsync("Ctrl+C stops", TimeSpan.FromSeconds(90), cancellationToken);
    }

    private void Report(string phase, int articles, int chunks, LanguageEmulatorStats from, LanguageEmulatorStats to)
    {
        long calls = to.Requests - from.Requests, throttled = to.Throttled - from.Throttled, answered = to.Answered - from.Answered;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{phase + ":",-8} {calls:N0} Language calls = {calls / (double)articles:F2} per article ({chunks / (double)articles:F2} chunks each; " +
            $"{(to.Documents - from.Documents) / (double)Math.Max(1, answered):F1} documents per answered call); 429: {throttled:N0} = {throttled / (double)Math.Max(1, calls):P1} of calls"));
        log.WriteLine($"{"",-8} answered calls by kind: " + string.Join(", ", Enum.GetValues<LanguageKind>().Select(kind =>
        {
            var (a, b) = (from.Kinds![kind], to.Kinds![kind]);
            long kindCalls = b.Answered - a.Answered;
            return string.Create(CultureInfo.InvariantCulture, $"{kind} {kindCalls:N0} ({(b.Documents - a.Documents) / (double)Math.Max(1, kindCalls):F1} documents each)");
        })));
    }

    /// <summary>
    /// What the articles must cost whatever the batching: their chunks, and the text records those bill once each (every
    /// feature at the default options: entities, sentiment, key phrases and entity linking, plus detection where the
    /// article names no language; the generated articles are English, which every feature supports). A chunk whose text
    /// and language another chunk already has is billed once, through the cache.
    /// </summary>
    private static (int Chunks, long TextRecords) Expected(IEnumerable<(string Name, byte[] Content)> articles)
    {
        int chunks = 0;
        long records = 0;
        var distinct = new HashSet<(string Text, string? Language)>();
        foreach (var (name, content) in articles)
        {
            var article = ArticleParser.Parse(name, content);
            var pieces = TextChunker.Split(article.Text, AnalysisLimits.MaxDocumentTextElements);
            int kinds = string.IsNullOrWhiteSpace(article.Language) ? 5 : 4;
            chunks += pieces.Count;
            records += kinds * pieces.Where(p => distinct.Add((p.Text, article.Language))).Sum(p => LanguageLimits.TextRecords(TextElements.Count(p.Text, 0, p.Text.Length)));
        }
        return (chunks, records);
    }

    /// <summary>What else the machine is doing: the 1, 5 and 15-minute load averages.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
