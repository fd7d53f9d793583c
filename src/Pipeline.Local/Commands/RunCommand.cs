using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Ingestion.Enrichment;
using Pipeline.Runtime;
using Pipeline.Summary;
using Pipeline.Operations.Dashboard;
using Pipeline.Local.Dashboard;
using Pipeline.Local.Hosting;

namespace Pipeline.Local.Commands;

/// <summary><c>run</c>: storage (embedded Azurite unless told otherwise), the trigger host, and optionally a batch of files to push through it.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var ingest = new Option<DirectoryInfo?>("--ingest") { Description = "Upload every article under this folder (except its bad/ subfolder) into the articles container." };
        var once = new Option<bool>("--once") { Description = "Exit when every uploaded file is summarised, quarantined or poisoned." };
        var summaryJson = new Option<FileInfo?>("--summary-json") { Description = "Write the summary document (summaries/latest.json) to this file at the end." };
        var timeout = new Option<int>("--timeout") { Description = "With --once: seconds to wait before naming the files that are unaccounted for.", DefaultValueFactory = _ => 180 };
        var verbose = new Option<bool>("--verbose") { Description = "Log every article the host processes." };
        var command = new Command("run", "Run the pipeline locally: Azurite + WebJobs trigger host + offline analyzer (or Azure AI Language, real or emulated).")
        {
            ingest, once, summaryJson, timeout, verbose, CommonOptions.Storage, CommonOptions.DataDir,
            DashboardServer.PortOption, DashboardServer.AllowOriginOption, CommonOptions.Telemetry, CommonOptions.OtlpEndpoint,
        };
        foreach (var option in AnalyzerSettings.All)
            command.Options.Add(option);
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(ingest), parse.GetValue(once), parse.GetValue(summaryJson), TimeSpan.FromSeconds(parse.GetValue(timeout)),
            parse.GetValue(verbose), parse.GetValue(CommonOptions.Storage), parse.GetValue(CommonOptions.DataDir)!, parse,
            new RunServices(parse.GetValue(DashboardServer.PortOption) ?? (parse.GetValue(once) ? 0 : 7071), parse.GetValue(DashboardServer.AllowOriginOption) ?? [],
                parse.GetValue(CommonOptions.Telemetry), parse.GetValue(CommonOptions.OtlpEndpoint)),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(DirectoryInfo? ingest, bool once, FileInfo? summaryJson, TimeSpan timeout, bool verbose,
        string? storage, DirectoryInfo dataDir, ParseResult parse, RunServices services, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var telemetry = LocalTelemetry.Start(services.Exporter, services.OtlpEndpoint);
        await using var account = await LocalStorageAccount.OpenAsync(storage, dataDir, cancellationToken).ConfigureAwait(false);
        await using var analyzer = await AnalyzerSettings.StartAsync(parse, cancellationToken).ConfigureAwait(false);
        using var host = LocalHost.Build(account.ConnectionString, analyzer.Settings, logLevel: verbose ? LogLevel.Information : LogLevel.Warning);
        var pipelineStorage = host.Services.GetRequiredService<PipelineStorage>();
        await pipelineStorage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"Pipeline running on {account.Description} (started in {clock.Elapsed.TotalSeconds:F1} s).");
        await using var dashboard = await DashboardServer.StartAsync(host.Services.GetRequiredService<DashboardApi>(), services.DashboardPort, services.AllowedOrigins, cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"Dashboard on {dashboard.PageAddress} (API under {dashboard.BaseAddress}api/).");

        // The host's console lifetime takes SIGINT/SIGTERM for itself and stops the host; stop waiting when it does.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        cancellationToken = stopping.Token;
        try
        {
            var tracker = new ArticleTracker(pipelineStorage);
            var settleClock = Stopwatch.StartNew();
            var uploads = ingest is null ? [] : await UploadFolderAsync(tracker, ingest, cancellationToken).ConfigureAwait(false);
            if (!once)
            {
                Console.WriteLine("Processing whatever lands in the 'articles' container; Ctrl+C stops.");
                await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
                analyzer.PrintReport();
                Console.WriteLine("Stopped.");
                return 0;
            }

            var results = await tracker.WaitUntilSettledAsync(uploads, timeout, TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
            var summary = await host.Services.GetRequiredService<SummaryStore>().ReadLatestAsync(cancellationToken).ConfigureAwait(false);
            SummaryPrinter.Print(summary, results);
            if (summaryJson is not null && summary is not null)
            {
                await using var file = File.Create(summaryJson.FullName);
                await JsonSerializer.SerializeAsync(file, summary, CommonOptions.IndentedJson.GetTypeInfo(typeof(SummaryDocument)), cancellationToken).ConfigureAwait(false);
                Console.WriteLine($"Summary document written to {summaryJson.FullName}");
            }
            analyzer.PrintReport();
            Console.WriteLine($"Done in {clock.Elapsed.TotalSeconds:F1} s: {uploads.Count} files settled in {settleClock.Elapsed.TotalSeconds:F1} s " +
                              $"({uploads.Count / Math.Max(settleClock.Elapsed.TotalSeconds, 0.001):F0} files/s); host peak working set {PeakWorkingSetMegabytes()} MB.");

            var unaccounted = results.Where(r => r.State is ArticleState.InFlight or ArticleState.Poisoned).ToList();
            foreach (var missing in unaccounted)
                Console.Error.WriteLine($"{(missing.State == ArticleState.Poisoned ? "POISONED" : "UNACCOUNTED")}: {missing.Article.Name}");
            return unaccounted.Count == 0 ? 0 : 2;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Console.Error.WriteLine("Interrupted before every file was accounted for.");
            return 130;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static long PeakWorkingSetMegabytes()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / (1024 * 1024);
    }

    private static async Task<IReadOnlyList<UploadedArticle>> UploadFolderAsync(ArticleTracker tracker, DirectoryInfo folder, CancellationToken cancellationToken)
    {
        if (!folder.Exists)
            throw new DirectoryNotFoundException($"--ingest folder {folder.FullName} does not exist.");
        var files = folder.EnumerateFiles("*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(folder.FullName, f.FullName).Replace('\\', '/').StartsWith("bad/", StringComparison.Ordinal))
            .OrderBy(f => f.FullName, StringComparer.Ordinal)
            .ToList();

        var uploads = new UploadedArticle[files.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, files.Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            string name = Path.GetRelativePath(folder.FullName, files[i].FullName).Replace('\\', '/');
            await using var stream = files[i].OpenRead();
            uploads[i] = await tracker.UploadAsync(name, stream, ct).ConfigureAwait(false);
        }).ConfigureAwait(false);
        Console.WriteLine($"Uploaded {uploads.Length} files from {folder.FullName}.");
        return uploads;
    }

    /// <summary>What <c>run</c> serves besides the pipeline: the dashboard and the telemetry export.</summary>
    private sealed record RunServices(int DashboardPort, IReadOnlyCollection<string> AllowedOrigins, TelemetryExporter Exporter, Uri? OtlpEndpoint);
}
