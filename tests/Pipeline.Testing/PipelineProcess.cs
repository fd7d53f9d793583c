using System.Diagnostics;
using System.Globalization;

namespace Pipeline.Testing;

/// <summary>The `pipeline` command as a separate process, the way a user runs it.</summary>
public static class PipelineProcess
{
    public static Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryFiles.Root };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "pipeline.dll"));
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return process;
    }

    public static async Task WaitForLineAsync(Process process, string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            if (line.Contains(text, StringComparison.Ordinal))
            {
                // Keep draining, so a chatty host never blocks on a full pipe.
                _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
                return;
            }
        throw new InvalidOperationException($"The process ended (exit {process.ExitCode}) before printing '{text}'.");
    }

    /// <summary>SIGINT, as Ctrl+C sends it, then wait for a clean exit.</summary>
    public static async Task InterruptAsync(Process process)
    {
        Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>The kernel's high-water mark of the process's resident set (VmHWM).</summary>
    public static long PeakResidentBytes(Process process)
    {
        string line = File.ReadLines($"/proc/{process.Id}/status").Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}
