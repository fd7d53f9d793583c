using System.Net;
using System.Text.RegularExpressions;
using Pipeline.Local.Commands;
using Pipeline.Local.Reliability;
using Xunit.Abstractions;

namespace Pipeline.Local.Tests;

/// <summary>
/// Commands that take Ctrl+C as a cancellation (<see cref="TerminationSignals"/>) finish in order on SIGINT, where they
/// once died at once: the emulator printed no counts, which `bench --analyzer emulated` reads after interrupting it, and
/// the offline bench left its Azurite's folder in the temporary folder, two on every run of the documented commands.
/// </summary>
public sealed partial class TerminationSignalsTests(ITestOutputHelper log)
{
    /// <summary>Many times what either needs to stop; past it, the process is killed, which the exit code then shows.</summary>
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_language_emulator_prints_its_counts_on_Ctrl_C()
    {
        using var emulator = PipelineHostProcess.Start("emulate-language", "--port", "0", "--key", "k");
        await emulator.WaitForLineAsync("listening on", TimeSpan.FromSeconds(60));
        var endpoint = new Uri(emulator.Output.First(l => l.Contains("listening on", StringComparison.Ordinal)).Split(' ')[4]);
        // One request without the key, refused: the counts printed at the end must be this run's.
        using (var client = new HttpClient())
        using (var refused = await client.PostAsync(new Uri(endpoint, "language/:analyze-text?api-version=2023-04-01"), new StringContent("{}")))
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        await emulator.InterruptAsync(StopBound);
        log.WriteLine(string.Join('\n', emulator.Output));

        Assert.Equal(0, emulator.ExitCode);
        Assert.Equal("Language emulator: 1 requests, 0 answered, 0 429, 0 503, 1 rejected, 0 documents, 0 text records billed.", emulator.Output[^1]);
    }

    [Fact]
    public async Task The_offline_bench_removes_its_Azurite_folder_on_Ctrl_C()
    {
        using var bench = PipelineHostProcess.Start("bench");
        await bench.WaitForLineAsync("Benchmark: ", TimeSpan.FromSeconds(60));
        var folder = DataFolder().Match(bench.Output.First(l => l.StartsWith("Benchmark: ", StringComparison.Ordinal)));
        Assert.True(folder.Success, string.Join('\n', bench.Output));
        string dataDir = folder.Groups["path"].Value;
        Assert.True(Directory.Exists(dataDir), dataDir);

        await bench.InterruptAsync(StopBound);
        log.WriteLine(string.Join('\n', bench.Output));

        Assert.Equal(PipelineCommandLine.Interrupted, bench.ExitCode);
        Assert.False(Directory.Exists(dataDir), $"{dataDir} is left behind.");
    }

    /// <summary>"Benchmark: … on embedded Azurite (data in /tmp/pipeline-bench-…), 2 cores."</summary>
    [GeneratedRegex(@"\(data in (?<path>.*pipeline-bench-[0-9a-f]+)\)")]
    private static partial Regex DataFolder();
}
