using System.CommandLine;
using Pipeline.Local.Benchmark;

namespace Pipeline.Local.Commands;

/// <summary>
/// <c>bench</c>: the local pipeline's throughput and latency against the storage floor and the analyzer alone, or, with
/// <c>--analyzer emulated</c>, against one emulated Azure AI Language resource shared by several host processes.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var count = new Option<int>("--count") { Description = "Articles per run (with --analyzer emulated: in the burst).", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated articles.", DefaultValueFactory = _ => 20261128 };
        var parallelism = new Option<int>("--parallelism") { Description = "Concurrent uploads (and floor operations).", DefaultValueFactory = _ => 8 };
        var analyzer = new Option<string>("--analyzer") { Description = "offline: in-process host against its floor; emulated: host processes with the Azure client against one Language emulator process.", DefaultValueFactory = _ => "offline" };
        analyzer.AcceptOnlyFromAmong("offline", "emulated");
        var hosts = new Option<int>("--hosts") { Description = "Emulated: `pipeline run` host processes sharing the resource.", DefaultValueFactory = _ => 1 };
        var rpm = new Option<int>("--language-rpm") { Description = "Emulated: the resource's calls a minute, one budget for every host (S tier: 1000).", DefaultValueFactory = _ => 1000 };
        var share = new Option<int?>("--language-share") { Description = "Emulated: each host's RequestsPerMinute (default: the resource's rate divided by --hosts)." };
        var adaptive = new Option<bool>("--adaptive") { Description = "Emulated: hosts adapt from their share up to the resource's rate (ResourceRequestsPerMinute)." };
        var linger = new Option<int>("--batch-linger-ms") { Description = "Emulated: each host's BatchLinger in milliseconds (0-100).", DefaultValueFactory = _ => 10 };
        var paced = new Option<int>("--paced-count") { Description = "Emulated: articles sent one a second after the burst, for the latency at low load.", DefaultValueFactory = _ => 60 };
        var maxChars = new Option<int>("--max-chars") { Description = "Emulated: the longest generated article body (4000-20000 characters; 5000 keeps every article in one Language document).", DefaultValueFactory = _ => 20_000 };
        maxChars.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 4_000 or > 20_000)
                result.AddError("--max-chars takes a length from 4000 to 20000.");
        });
        var command = new Command("bench", "Measure the local pipeline: against its floor (offline analyzer), or against one emulated Language resource (Azure client).")
        {
            count, seed, parallelism, CommonOptions.Storage, analyzer, hosts, rpm, share, adaptive, linger, paced, maxChars,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            bool emulated = parse.GetValue(analyzer) == "emulated";
            // A fresh Azurite in a temporary folder: a store that already holds tens of thousands of blobs is slower.
            var dataDir = new DirectoryInfo(Path.Combine(Path.GetTempPath(), "pipeline-bench-" + Guid.NewGuid().ToString("N")));
            // Its Azurite and that folder, and with --analyzer emulated its host and emulator processes, must not outlive it:
            // Ctrl+C and SIGTERM cancel the run, and its cleanup removes them.
            using var stop = new TerminationSignals(cancellationToken);
            try
            {
                if (emulated)
                {
                    int hostCount = parse.GetValue(hosts), resourceRate = parse.GetValue(rpm);
                    var options = new LanguageBenchmarkOptions(parse.GetValue(count), hostCount, resourceRate, parse.GetValue(share) ?? Math.Max(1, resourceRate / hostCount),
                        parse.GetValue(adaptive), TimeSpan.FromMilliseconds(parse.GetValue(linger)), parse.GetValue(paced), parse.GetValue(seed), parse.GetValue(parallelism), parse.GetValue(maxChars));
                    Console.WriteLine($"Benchmark: {options.Articles} generated articles through {options.Hosts} host process(es) with the Azure Language client, " +
                                      $"one emulated resource at {options.ResourceRequestsPerMinute} calls a minute; each host's share {options.Share}/min" +
                                      $"{(options.Adaptive ? $", adapting up to {options.ResourceRequestsPerMinute}/min" : "")}, BatchLinger {options.BatchLinger.TotalMilliseconds} ms; {Environment.ProcessorCount} cores.");
                    await using var emulatedAccount = await LocalStorageAccount.OpenAsync(parse.GetValue(CommonOptions.Storage), dataDir, stop.Token);
                    await new LanguageBenchmark(emulatedAccount.ConnectionString, options, Console.Out).RunAsync(stop.Token);
                    return 0;
                }

                await using var account = await LocalStorageAccount.OpenAsync(parse.GetValue(CommonOptions.Storage), dataDir, stop.Token);
                Console.WriteLine($"Benchmark: {parse.GetValue(count)} generated articles on {account.Description}, {Environment.ProcessorCount} cores.");
                var report = await new PipelineBenchmark(account.ConnectionString, parse.GetValue(parallelism), Console.Out)
                    .RunAsync(parse.GetValue(count), parse.GetValue(seed), stop.Token);
                Console.WriteLine($"pipeline / floor: {report.RatioToFloor:P0} (floor = the lower of storage and analyzer, {report.Floor:F0} articles/s); against the stricter floor {report.RatioToBatchedFloor:P0}");
                Console.WriteLine($"peak working set: {report.PeakWorkingSetBytes / (1024 * 1024)} MB (host, analyzer and load generator in one process)");
                return 0;
            }
            finally
            {
                try { dataDir.Delete(recursive: true); } catch (IOException) { }
            }
        });
        return command;
    }
}
