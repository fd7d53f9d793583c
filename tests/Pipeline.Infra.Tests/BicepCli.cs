using System.Diagnostics;
using System.Reflection;

namespace Pipeline.Infra.Tests;

public sealed record BicepRun(string Command, int ExitCode, string StdOut, string StdErr)
{
    public override string ToString() => $"`bicep {Command}` exited {ExitCode}\nstderr:\n{StdErr}\nstdout:\n{StdOut}";
}

/// <summary>Runs the Bicep CLI binary restored from the Azure.Bicep.CommandLine package.</summary>
public static class BicepCli
{
    static string Metadata(string key) =>
        typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"assembly metadata {key} is empty");

    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static string InfraDirectory { get; } = Path.Combine(RepositoryRoot, "infra");

    /// <summary>The package's props write the path with Windows separators; normalise for Linux.</summary>
    public static string ExecutablePath { get; } = Path.GetFullPath(Metadata("BicepPath").Replace('\\', '/'));

    public static async Task<BicepRun> RunAsync(params string[] args)
    {
        EnsureExecutable();
        var start = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = InfraDirectory,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new BicepRun(string.Join(' ', args), process.ExitCode, await stdout, await stderr);
    }

    /// <summary>NuGet extraction does not always keep the x bit (it depends on the client and the cache).</summary>
    static void EnsureExecutable()
    {
        if (OperatingSystem.IsWindows()) return;
        var mode = File.GetUnixFileMode(ExecutablePath);
        const UnixFileMode exec = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if ((mode & UnixFileMode.UserExecute) == 0) File.SetUnixFileMode(ExecutablePath, mode | exec);
    }
}
