using System.Diagnostics;
using System.Globalization;

namespace Pipeline.Local.Reliability;

/// <summary>
/// A `pipeline` command running as a process of its own, the way a user starts it: the soak's competing hosts and the
/// tests that kill, interrupt and measure a host. Its standard output is kept, so callers can wait for a line.
/// </summary>
public sealed class PipelineHostProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly List<(string Text, TaskCompletionSource Seen)> _waiting = [];

    private PipelineHostProcess(Process process) => _process = process;

    /// <summary>The host's stated memory bound (README): its resident set stays under it with the default 10 MB article limit, whatever the input.</summary>
    public const long MemoryBoundBytes = 1024L * 1024 * 1024;

    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    /// <summary>Everything the process printed so far, line by line.</summary>
    public IReadOnlyList<string> Output
    {
        get { lock (_output) return [.. _output]; }
    }

    /// <summary>Runs <c>dotnet pipeline.dll &lt;arguments&gt;</c> with this assembly's build.</summary>
    public static PipelineHostProcess Start(params string[] arguments) => StartIn("", arguments);

    /// <summary>As <see cref="Start"/>, in <paramref name="workingDirectory"/>, where relative paths in the arguments resolve.</summary>
    public static PipelineHostProcess StartIn(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        start.ArgumentList.Add(typeof(PipelineHostProcess).Assembly.Location);
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        var host = new PipelineHostProcess(Process.Start(start) ?? throw new InvalidOperationException("Could not start the pipeline command."));
        host._process.OutputDataReceived += (_, line) => host.OnLine(line.Data);
        host._process.ErrorDataReceived += (_, _) => { };
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        return host;
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.Add(line);
            foreach (var (text, seen) in _waiting.Where(w => line.Contains(w.Text, StringComparison.Ordinal)))
                seen.TrySetResult();
        }
    }

    /// <summary>Waits until the process prints a line containing <paramref name="text"/>.</summary>
    public async Task WaitForLineAsync(string text, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_output)
        {
            if (_output.Any(line => line.Contains(text, StringComparison.Ordinal))) return;
            _waiting.Add((text, seen));
        }
        var exited = _process.WaitForExitAsync(cancellationToken);
        if (await Task.WhenAny(seen.Task, exited).WaitAsync(timeout, cancellationToken) != seen.Task)
            throw new InvalidOperationException($"The process ended (exit {_process.ExitCode}) before printing '{text}'.");
    }

    /// <summary>SIGKILL of the host alone: nothing in it gets to clean up (its Azurite watchdog notices on its own).</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill();
    }

    /// <summary>SIGINT, as Ctrl+C sends it; SIGKILL if the process has not stopped within the timeout.</summary>
    public async Task InterruptAsync(TimeSpan timeout)
    {
        if (_process.HasExited) return;
        Process.Start("kill", ["-INT", _process.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
        using var cancel = new CancellationTokenSource(timeout);
        try { await _process.WaitForExitAsync(cancel.Token); }
        catch (OperationCanceledException) { Kill(); }
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken = default) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>The kernel's high-water mark of the process's resident set (VmHWM).</summary>
    public long PeakResidentBytes()
    {
        string line = File.ReadLines($"/proc/{_process.Id}/status").Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>Whatever is still running (a test that failed half-way) goes, with its child processes.</summary>
    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
