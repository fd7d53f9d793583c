using System.Diagnostics;
using Pipeline.Testing;
using Xunit.Abstractions;

namespace Pipeline.Contracts.Tests;

/// <summary>
/// Runs one <c>node --test</c> file of <c>js/</c> (installing its pinned packages with <c>npm ci</c> on first use) and
/// reports everything it printed, so a failing assertion inside the JavaScript suite fails the xunit test with its text.
/// </summary>
internal static class NodeSuite
{
    private static readonly string Folder = Path.Combine(RepositoryFiles.Root, "tests", "Pipeline.Contracts.Tests", "js");
    private static readonly SemaphoreSlim Install = new(1, 1);

    public sealed record Result(int ExitCode, string Output)
    {
        /// <summary>node's test runner closes with "# pass N" and "# fail N".</summary>
        public int Passed => Count("# pass ");

        public int Failed => Count("# fail ");

        private int Count(string prefix) => Output.Split('\n').Where(l => l.StartsWith(prefix, StringComparison.Ordinal))
            .Select(l => int.Parse(l[prefix.Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture)).LastOrDefault();
    }

    public static async Task<Result> RunAsync(string file, IReadOnlyDictionary<string, string> environment, ITestOutputHelper log, TimeSpan timeout)
    {
        await EnsureInstalledAsync(timeout);
        var start = new ProcessStartInfo("node") { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[] { "--test", "--test-reporter=tap", "--test-concurrency=1", file })
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        var result = await RunProcessAsync(start, timeout);
        log.WriteLine(result.Output);
        return result;
    }

    private static async Task EnsureInstalledAsync(TimeSpan timeout)
    {
        await Install.WaitAsync();
        try
        {
            if (File.Exists(Path.Combine(Folder, "node_modules", ".package-lock.json")))
                return;
            var start = new ProcessStartInfo("npm") { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string argument in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" })
                start.ArgumentList.Add(argument);
            var installed = await RunProcessAsync(start, timeout);
            if (installed.ExitCode != 0)
                throw new InvalidOperationException($"npm ci in {Folder} failed ({installed.ExitCode}):\n{installed.Output}");
        }
        finally
        {
            Install.Release();
        }
    }

    private static async Task<Result> RunProcessAsync(ProcessStartInfo start, TimeSpan timeout)
    {
        var run = await ProcessRun.RunAsync(start, timeout);
        return new Result(run.ExitCode, run.Output + run.Error);
    }
}
