using System.Diagnostics;
using System.Text.RegularExpressions;
using Pipeline.Local.Reliability;
using Pipeline.Testing;
using Xunit.Abstractions;

namespace Pipeline.Local.Tests;

/// <summary>
/// What a `pipeline` command starts with <see cref="PipelineHostProcess"/> (the soak's and the bench's hosts, the bench's
/// emulator) must not outlive it, however it ends. A soak that died at once in CI left its three hosts running for
/// minutes, retrying a storage that had gone with it, beside the tests that came after.
/// </summary>
public sealed partial class PipelineHostProcessTests(ITestOutputHelper log)
{
    /// <summary>Minutes below what an orphaned host lived on, and many times what a host needs to exit.</summary>
    private static readonly TimeSpan ExitBound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task The_hosts_and_Azurite_of_a_soak_killed_with_SIGKILL_end_by_themselves()
    {
        using var soak = PipelineHostProcess.Start("soak", "--articles", "2000", "--hosts", "2", "--kills", "0", "--restart-storage", "false", "--storage-outage", "0");
        await soak.WaitForLineAsync("hosts running on Azurite", TimeSpan.FromSeconds(120));
        var started = ObservedProcess.DescendantsOf(soak.Id);
        log.WriteLine(string.Join('\n', started));
        Assert.Equal(2, started.Count(p => p.CommandLine.Contains("pipeline.dll run ", StringComparison.Ordinal)));
        var azurite = Assert.Single(started, p => p.CommandLine.StartsWith("node ", StringComparison.Ordinal));
        // The soak's data folder holds Azurite's: the soak's own cleanup, which deletes it, will not run.
        var location = AzuriteLocation().Match(azurite.CommandLine);
        Assert.True(location.Success, azurite.CommandLine);
        string dataDir = Path.GetDirectoryName(location.Groups[1].Value)!;
        Assert.StartsWith("pipeline-soak-", Path.GetFileName(dataDir), StringComparison.Ordinal);
        try
        {
            soak.Kill(); // SIGKILL: no code of the soak's runs, so nothing it would have stopped is stopped by it.
            await soak.WaitForExitAsync();
            var clock = Stopwatch.StartNew();

            await Eventually.ReturnsAsync(() => Task.FromResult(started.Where(p => p.IsRunning).ToList()), running => running.Count == 0, ExitBound,
                "the soak's hosts and Azurite to end", running => string.Join("; ", running));
            log.WriteLine($"All {started.Count} ended {clock.Elapsed.TotalSeconds:F1} s after the soak.");
        }
        finally
        {
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
        }
    }

    [GeneratedRegex(@"--location (\S+)")]
    private static partial Regex AzuriteLocation();
}
