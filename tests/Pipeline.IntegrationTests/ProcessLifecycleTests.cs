using System.Globalization;
using Pipeline.Local.Reliability;
using Pipeline.Testing;

namespace Pipeline.IntegrationTests;

/// <summary>The `pipeline` command as a user runs it: killed hard, interrupted, restarted on the same data folder.</summary>
public sealed class ProcessLifecycleTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "pipeline-lifecycle-" + Guid.NewGuid().ToString("N"));
    private readonly string _articles = Path.Combine(Path.GetTempPath(), "pipeline-lifecycle-in-" + Guid.NewGuid().ToString("N"));

    public ProcessLifecycleTests()
    {
        Directory.CreateDirectory(_articles);
        File.Copy(Path.Combine(RepositoryFiles.Seeds, "us-ukraine-security-guarantees.txt"), Path.Combine(_articles, "sample.txt"));
    }

    private int AzuritePid() => int.Parse(File.ReadAllText(Path.Combine(_dataDir, "azurite", "azurite.pid")).Trim(), CultureInfo.InvariantCulture);

    private static bool IsRunning(int pid) => Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);

    [Fact]
    public async Task A_host_killed_hard_takes_its_Azurite_with_it_and_the_next_run_on_the_same_data_folder_works()
    {
        using (var host = PipelineHostProcess.Start("run", "--data-dir", _dataDir, "--port", "0"))
        {
            await host.WaitForLineAsync("Pipeline running", TimeSpan.FromSeconds(60));
            int azurite = AzuritePid();
            Assert.True(IsRunning(azurite));

            host.Kill(); // SIGKILL: no shutdown code runs in the host.
            await host.WaitForExitAsync();

            await Eventually.ReturnsAsync(() => Task.FromResult(IsRunning(azurite)), running => !running, TimeSpan.FromSeconds(15), "the orphaned Azurite to stop");
        }

        using var again = PipelineHostProcess.Start("run", "--ingest", _articles, "--once", "--data-dir", _dataDir, "--timeout", "60");
        await again.WaitForExitAsync();
        string output = string.Join('\n', again.Output);

        Assert.True(again.ExitCode == 0, output);
        Assert.Contains("Files: 1  summarised: 1", output);
    }

    [Fact]
    public async Task Ctrl_c_stops_the_host_and_its_Azurite_cleanly()
    {
        using var host = PipelineHostProcess.Start("run", "--data-dir", _dataDir, "--port", "0");
        await host.WaitForLineAsync("Ctrl+C stops", TimeSpan.FromSeconds(60));
        int azurite = AzuritePid();

        await host.InterruptAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, host.ExitCode);
        Assert.False(IsRunning(azurite));
        Assert.False(File.Exists(Path.Combine(_dataDir, "azurite", "azurite.pid")));
    }

    public void Dispose()
    {
        foreach (string dir in new[] { _dataDir, _articles })
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }
}
