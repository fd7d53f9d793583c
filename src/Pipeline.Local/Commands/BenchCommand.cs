using System.CommandLine;
using Pipeline.Local.Benchmark;

namespace Pipeline.Local.Commands;

/// <summary><c>bench</c>: the local pipeline's throughput and latency against the storage floor and the analyzer alone.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var count = new Option<int>("--count") { Description = "Articles per run.", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated articles.", DefaultValueFactory = _ => 20261128 };
        var parallelism = new Option<int>("--parallelism") { Description = "Concurrent uploads (and floor operations).", DefaultValueFactory = _ => 8 };
        var command = new Command("bench", "Measure the local pipeline (fresh embedded Azurite + trigger host + offline analyzer) against its floor.")
        {
            count, seed, parallelism, CommonOptions.Storage,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            // A fresh Azurite in a temporary folder: a store that already holds tens of thousands of blobs is slower.
            var dataDir = new DirectoryInfo(Path.Combine(Path.GetTempPath(), "pipeline-bench-" + Guid.NewGuid().ToString("N")));
            try
            {
                await using var account = await LocalStorageAccount.OpenAsync(parse.GetValue(CommonOptions.Storage), dataDir, cancellationToken);
                Console.WriteLine($"Benchmark: {parse.GetValue(count)} generated articles on {account.Description}, {Environment.ProcessorCount} cores.");
                var report = await new PipelineBenchmark(account.ConnectionString, parse.GetValue(parallelism), Console.Out)
                    .RunAsync(parse.GetValue(count), parse.GetValue(seed), cancellationToken);
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
