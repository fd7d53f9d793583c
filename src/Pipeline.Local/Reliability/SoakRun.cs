using System.Diagnostics;
using Pipeline.Operations;
using Pipeline.Runtime;
using Pipeline.Summary;
using Pipeline.Local.Generation;
using Pipeline.Local.Hosting;
using Polly;

namespace Pipeline.Local.Reliability;

/// <summary>The faults one soak run injects while its articles flow.</summary>
/// <param name="DeletePercent">Share of the <see cref="DeleteCandidates"/> that an editor deletes mid-run (0-100).</param>
/// <param name="StorageOutage">How long Azurite stays down after its SIGKILL; zero leaves it running.</param>
public sealed record SoakOptions(int Articles, int Hosts, int Kills, bool RestartStorage, bool LanguageFaults, int DeletePercent = 10, TimeSpan StorageOutage = default, int Seed = 20261128)
{
    /// <summary>Where in the upload Azurite is SIGKILLed: before the first host is, so what was uploaded settles in seconds.</summary>
    internal const double CrashAt = 0.2;

    /// <summary>Every 50th article is an empty file, so the books must balance with quarantines too.</summary>
    public const int EmptyEvery = 50;

    /// <summary>Deletions choose among the articles uploaded first: this share of them.</summary>
    internal const double DeleteFrom = 0.6;

    internal static bool IsEmpty(int index) => index % EmptyEvery == EmptyEvery - 1;

    /// <summary>
    /// Every article with text among the first <see cref="DeleteFrom"/>. Empty files are never deleted: each must end
    /// quarantined, so a retraction never has to be told apart from a quarantine.
    /// </summary>
    internal IEnumerable<int> DeleteCandidates => Enumerable.Range(0, (int)(Articles * DeleteFrom)).Where(i => !IsEmpty(i));

    /// <summary>Of 300 articles, 180 are uploaded first and 177 of those have text, so 10% deletes 17.</summary>
    internal int Deletions => DeleteCandidates.Count() * DeletePercent / 100;
}

/// <param name="Poisoned">Articles still in a poison queue at the end, after the run replayed what it found there.</param>
/// <param name="ReplayedFromPoison">
/// Articles that ended in a poison queue after five failed attempts (Language faults retried past their budget stacking on
/// the attempts each kill and Azurite crash costs a message in flight) and were replayed from it, as an operator would.
/// </param>
/// <param name="Retracted">Deleted articles whose head says retracted: taken out of the summary, or never counted in it.</param>
/// <param name="RetractedAfterCounting">Of those, the ones the summary had counted before their delete came.</param>
/// <param name="Vanished">
/// Deleted articles of which the pipeline recorded nothing, not even a retraction, so nothing was counted. The local
/// scanner announces the deletion only of a blob it has listed or one with a head record, and a new holder of its lease
/// starts listing afresh: a blob deleted while the lease changes hands (a holder was killed, waits out its lease after
/// Azurite restarted, or overran it with a long pass) and before its ingestion recorded anything leaves no trace. In
/// Azure, Event Grid's BlobDeleted event leaves a retraction for it. See docs/measurements.md.
/// </param>
/// <param name="DeletedUnrecorded">
/// Deleted articles without a head record at the check just before the deletes: only these can vanish. How many do
/// depends on whether a lease handover falls on the deletes, which the faults' timing decides, not the pipeline.
/// </param>
public sealed record SoakReport(
    int Uploaded, int Summarised, int Quarantined, int Poisoned, int ReplayedFromPoison, int Unaccounted, int SummaryArticleCount,
    int Deleted, int DeletedUnrecorded, int Retracted, int RetractedAfterCounting, int Vanished, int SummaryRetractedCount,
    int Kills, int StorageRestarts, int StorageCrashes, int HostsExited, long PeakHostResidentBytes, TimeSpan Elapsed, IReadOnlyList<string> HostReports)
{
    /// <summary>No host died of the faults, and none outgrew the stated memory bound.</summary>
    public bool HostsHeld => HostsExited == 0 && PeakHostResidentBytes < PipelineHostProcess.MemoryBoundBytes;

    /// <summary>
    /// Nothing lost, nothing counted twice, nothing poisoned; no deleted article counted, every one the summary had
    /// counted taken out of it exactly once, and every one the pipeline had recorded retracted rather than vanished.
    /// </summary>
    public bool ExactlyOnce =>
        Unaccounted == 0 && Poisoned == 0 &&
        Summarised + Quarantined + Retracted + Vanished == Uploaded && Retracted + Vanished == Deleted && Vanished <= DeletedUnrecorded &&
        SummaryArticleCount == Summarised && Summarised == Uploaded - Quarantined - Deleted &&
        SummaryRetractedCount == RetractedAfterCounting;
}

/// <summary>
/// A worst day, on loopback only and bounded in time: several `pipeline run` host processes compete for one Azurite
/// while articles are uploaded; hosts are killed with SIGKILL and restarted, Azurite itself is SIGKILLed and kept down
/// for a while, then restarted politely later, an editor deletes some of the articles, and each host may talk to a
/// Language emulator that answers 30% 429s and 10% 503s. Then the books are checked, and the hosts: none may have exited
/// and none may have outgrown the memory bound.
/// </summary>
public sealed class SoakRun(SoakOptions options, TextWriter log)
{
    /// <summary>
    /// Messages a killed host had taken stay invisible until the queue listener's fixed 10-minute visibility timeout
    /// (WebJobs and Functions alike) runs out; only then does another host get them, after up to a minute of the
    /// listener's polling backoff and the Language retries. So settling may take that long and a few minutes more.
    /// </summary>
    internal static readonly TimeSpan SettleTimeout = TimeSpan.FromMinutes(14);

    /// <summary>The newsroom's side of an Azurite restart: a refused call is tried again (the pipeline's own storage retry).</summary>
    private static readonly ResiliencePipeline NewsroomRetry =
        new ResiliencePipelineBuilder().AddStorageRetry(maxRetries: 30, baseDelay: TimeSpan.FromMilliseconds(500)).Build();

    public async Task<SoakReport> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        string dataDir = Path.Combine(Path.GetTempPath(), "pipeline-soak-" + Guid.NewGuid().ToString("N"));
        var azurite = await EmbeddedAzurite.StartAsync(dataDir, cancellationToken: cancellationToken);
        var hosts = new List<PipelineHostProcess>();
        var killed = new List<PipelineHostProcess>();
        int kills = 0, restarts = 0, crashes = 0, exited = 0;
        long peak = 0;
        try
        {
            var storage = PipelineStorage.FromConnectionString(azurite.ConnectionString);
            await storage.EnsureCreatedAsync(cancellationToken);
            for (int i = 0; i < options.Hosts; i++)
                hosts.Add(await StartHostAsync(azurite.ConnectionString, options.LanguageFaults, cancellationToken));
            log.WriteLine($"{options.Hosts} hosts running on Azurite {string.Join('/', azurite.Ports)}; uploading {options.Articles} articles.");

            var tracker = new ArticleTracker(storage);
            var articles = ArticleGenerator.Generate(options.Articles, options.Seed)
                .Select((a, i) => (a.Name, Content: SoakOptions.IsEmpty(i) ? [] : a.Content)).ToList();
            var uploads = articles.Select(_ => new TaskCompletionSource<UploadedArticle>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
            int uploaded = 0, started = 0;
            var resume = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            resume.SetResult();
            var uploading = Parallel.ForEachAsync(Enumerable.Range(0, articles.Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (i, ct) =>
            {
                await Volatile.Read(ref resume).Task.WaitAsync(ct);
                Interlocked.Increment(ref started);
                uploads[i].SetResult(await NewsroomRetry.ExecuteAsync(async c => await tracker.UploadAsync(articles[i].Name, new MemoryStream(articles[i].Content), c), ct));
                Interlocked.Increment(ref uploaded);
            });
            // Not one of the faults below, which take their turns (a killed host is restarted before the next fault): deletions
            // wait for the pipeline, not for the faults.
            var deleting = DeleteAsync(tracker, uploads, cancellationToken);

            // Faults at fixed points of the upload, so every run injects the same ones.
            var faults = new List<(double At, string What)>();
            for (int k = 0; k < options.Kills; k++) faults.Add(((k + 1.0) / (options.Kills + 1.5), "kill"));
            if (options.RestartStorage) faults.Add((0.5, "restart"));
            if (options.StorageOutage > TimeSpan.Zero) faults.Add((SoakOptions.CrashAt, "crash"));
            foreach (var (at, what) in faults.OrderBy(f => f.At))
            {
                while (Volatile.Read(ref uploaded) < at * articles.Count && !uploading.IsCompleted)
                    await Task.Delay(50, cancellationToken);
                if (what == "kill")
                {
                    int victim = kills % hosts.Count;
                    peak = Math.Max(peak, hosts[victim].PeakResidentBytes());
                    hosts[victim].Kill();
                    killed.Add(hosts[victim]);
                    log.WriteLine($"SIGKILL host {victim} at {uploaded} uploads; restarting it.");
                    hosts[victim] = await StartHostAsync(azurite.ConnectionString, options.LanguageFaults, cancellationToken);
                    kills++;
                }
                else if (what == "crash")
                {
                    // Uploads pause and what was uploaded settles first: Azurite loses its last seconds of writes to a SIGKILL.
                    var paused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    Volatile.Write(ref resume, paused);
                    while (Volatile.Read(ref started) != Volatile.Read(ref uploaded))
                        await Task.Delay(50, cancellationToken);
                    var before = uploads.Where(u => u.Task.IsCompleted).Select(u => u.Task.Result).ToList();
                    await tracker.WaitUntilAsync(before, check => check.All(r => r.State != ArticleState.InFlight), SettleTimeout, TimeSpan.FromMilliseconds(500), cancellationToken);
                    await Task.Delay(EmbeddedAzurite.SaveInterval, cancellationToken);

                    int[] ports = azurite.Ports;
                    var down = Stopwatch.StartNew();
                    EmbeddedAzurite.Crash(dataDir);
                    await azurite.DisposeAsync();
                    log.WriteLine($"Azurite SIGKILLed at {uploaded} uploads (all {before.Count} settled); down for {options.StorageOutage.TotalSeconds:F0} s.");
                    await Task.Delay(options.StorageOutage, cancellationToken);
                    azurite = await EmbeddedAzurite.StartAsync(dataDir, ports, cancellationToken);
                    log.WriteLine($"Azurite back on the same ports and data after {down.Elapsed.TotalSeconds:F0} s, {hosts.Count(h => !h.HasExited)} of {hosts.Count} hosts running; uploads resume.");
                    paused.SetResult();
                    crashes++;
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
            log.WriteLine($"All {articles.Count} uploaded after {clock.Elapsed.TotalSeconds:F0} s.");
            var (deleted, unrecorded, uploadedThen) = await deleting;
            log.WriteLine($"Deleted {deleted.Count} of the {options.DeleteCandidates.Count()} articles with text among the first {SoakOptions.DeleteFrom * 100:F0}% once half of those had settled " +
                          $"({unrecorded} not yet recorded; {uploadedThen} uploaded then, {clock.Elapsed.TotalSeconds:F0} s); waiting for every article to settle.");

            // A deleted article reads as summarised until its retraction is folded, so it settles only as retracted or vanished.
            var gone = deleted.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
            bool IsVanished(TrackedArticle r) => gone.Contains(r.Article.Name) && r is { State: ArticleState.InFlight, Head: null };
            var all = await Task.WhenAll(uploads.Select(u => u.Task));
            async Task<IReadOnlyList<TrackedArticle>> SettleAsync() => await NewsroomRetry.ExecuteAsync(async c => await tracker.WaitUntilAsync(all,
                check => check.All(r => gone.Contains(r.Article.Name) ? r.State == ArticleState.Retracted || IsVanished(r) : r.State != ArticleState.InFlight),
                SettleTimeout, TimeSpan.FromSeconds(1), c), cancellationToken);
            void LogIfUnsettled(IReadOnlyList<TrackedArticle> settled)
            {
                var unsettled = settled.Where(r => r.State == ArticleState.Poisoned || r.State == ArticleState.InFlight && !IsVanished(r)).ToList();
                if (unsettled.Count > 0)
                    LogUnsettled(unsettled, killed.Concat(hosts));
            }

            var results = await SettleAsync();
            LogIfUnsettled(results);
            int replayedFromPoison = results.Count(r => r.State == ArticleState.Poisoned);
            if (replayedFromPoison > 0)
            {
                await foreach (var replay in new PipelineReplayer(storage, new PipelineInspector(storage)).ReplayPoisonAsync(cancellationToken))
                    log.WriteLine($"Replayed from {replay.Source}: {replay.Item} {replay.Outcome} {replay.Detail}");
                results = await SettleAsync();
                LogIfUnsettled(results);
            }

            var summary = await new SummaryStore(storage).ReadStateAsync(cancellationToken);
            var reports = new List<string>();
            foreach (var host in hosts)
            {
                if (host.HasExited) { exited++; continue; }
                peak = Math.Max(peak, host.PeakResidentBytes());
                await host.InterruptAsync(TimeSpan.FromSeconds(30));
                reports.AddRange(host.Output.Where(l => l.StartsWith("Language ", StringComparison.Ordinal)));
            }
            return new SoakReport(
                all.Length,
                results.Count(r => r.State == ArticleState.Summarised),
                results.Count(r => r.State == ArticleState.Quarantined),
                results.Count(r => r.State == ArticleState.Poisoned),
                replayedFromPoison,
                results.Count(r => r.State == ArticleState.InFlight && !IsVanished(r)),
                summary.State.ArticleCount,
                deleted.Count,
                unrecorded,
                results.Count(r => r.State == ArticleState.Retracted),
                results.Count(r => r.State == ArticleState.Retracted && r.Head!.AppliedHash == ArticleRecordStore.RetractedHash),
                results.Count(IsVanished),
                summary.State.RetractedCount,
                kills, restarts, crashes, exited, peak, clock.Elapsed, reports);
        }
        finally
        {
            foreach (var host in hosts.Concat(killed)) host.Dispose();
            await azurite.DisposeAsync();
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>
    /// Names what did not settle and prints the hosts' logged failures, so a run that breaks the books can be explained
    /// from its own output: a poison message carries no reason.
    /// </summary>
    private void LogUnsettled(IReadOnlyList<TrackedArticle> unsettled, IEnumerable<PipelineHostProcess> hosts)
    {
        foreach (var r in unsettled)
            log.WriteLine($"Not settled: {r.Article.Name} ({r.Article.ArticleId}) {r.State}, head {(r.Head is null ? "none" : $"summarised {r.Head.IsSummarised}, retracted {r.Head.IsRetracted}")}.");
        var failures = new List<string>();
        foreach (var output in hosts.Select(h => h.Output))
        {
            for (int i = 0; i < output.Count; i++)
            {
                if (output[i].StartsWith("fail:", StringComparison.Ordinal) || output[i].StartsWith("crit:", StringComparison.Ordinal))
                    failures.Add(string.Join(" | ", output.Skip(i).Take(3)));
            }
        }
        log.WriteLine($"Host failures logged: {failures.Count}; the distinct ones, at most 20:");
        foreach (string failure in failures.Distinct(StringComparer.Ordinal).Take(20))
            log.WriteLine("  " + failure);
    }

    /// <summary>
    /// Deletes a seeded choice of the candidates, as an editor would, once half of them have settled: the summary has
    /// counted some of the deleted articles and must take them out, the others race their own ingestion. Deleting at a
    /// point of the upload instead found nothing recorded yet (the upload outruns the pipeline many times over) and fell
    /// within the scanner's handover after the first SIGKILL, so no deletion was even noticed.
    /// </summary>
    /// <returns>
    /// The deleted articles, how many of them had no head record at the last check before the deletes, and how many
    /// articles were uploaded when the deletions began.
    /// </returns>
    private async Task<(IReadOnlyList<UploadedArticle> Deleted, int Unrecorded, int Uploaded)> DeleteAsync(ArticleTracker tracker, TaskCompletionSource<UploadedArticle>[] uploads, CancellationToken cancellationToken)
    {
        var candidates = await Task.WhenAll(options.DeleteCandidates.Select(i => uploads[i].Task));
        var check = await NewsroomRetry.ExecuteAsync(async c => await tracker.WaitUntilAsync(candidates,
            results => results.Count(r => r.State != ArticleState.InFlight) * 2 >= results.Count, SettleTimeout, TimeSpan.FromMilliseconds(500), c), cancellationToken);
        int uploaded = uploads.Count(u => u.Task.IsCompleted);
        new Random(options.Seed).Shuffle(candidates);
        var deleted = candidates.Take(options.Deletions).ToList();
        // A head written after this check only makes the count too high, so "vanished <= unrecorded" stays a sound check.
        var recorded = check.Where(r => r.Head is not null).Select(r => r.Article.Name).ToHashSet(StringComparer.Ordinal);
        int unrecorded = deleted.Count(d => !recorded.Contains(d.Name));
        foreach (var article in deleted)
        {
            // Null when an attempt deleted the blob but its answer was lost to the Azurite restart: gone all the same.
            _ = await NewsroomRetry.ExecuteAsync(async c => await tracker.DeleteAsync(article.Name, c), cancellationToken);
        }
        return (deleted, unrecorded, uploaded);
    }

    private static async Task<PipelineHostProcess> StartHostAsync(string connectionString, bool languageFaults, CancellationToken cancellationToken)
    {
        string[] arguments = ["run", "--storage", connectionString, "--port", "0"];
        if (languageFaults)
            arguments = [.. arguments, "--emulate-language", "--emulator-429-rate", "0.3", "--emulator-503-rate", "0.1"];
        var host = PipelineHostProcess.Start(arguments);
        try
        {
            await host.WaitForLineAsync("Ctrl+C stops", TimeSpan.FromSeconds(60), cancellationToken);
            return host;
        }
        catch
        {
            host.Dispose(); // not yet among the hosts the run stops at its end
            throw;
        }
    }
}
