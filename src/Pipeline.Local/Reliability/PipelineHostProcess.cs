using System.Diagnostics;
using System.Globalization;

namespace Pipeline.Local.Reliability;

/// <summary>
/// A `pipeline` command running as a process of its own, the way a user starts it: the soak's competing hosts and the
/// tests that kill, interrupt and measure a host. Its standard output is kept, so callers can wait for a line. It never
/// outlives the process that started it, however that one ends (<see cref="ExitWithParentVariable"/>).
/// </summary>
public sealed class PipelineHostProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly List<(string Text, TaskCompletionSource Seen)> _waiting = [];

    private PipelineHostProcess(Process process) => _process = process;

    /// <summary>The host's stated memory bound (README): its resident set stays under it with the default 10 MB article limit, whatever the input.</summary>
    public const long MemoryBoundBytes = 1024L * 1024 * 1024;

    /// <summary>
    /// Set on every process <see cref="StartInfo"/> describes, whose standard input is then a pipe that nothing writes to.
    /// Only the starting process holds its other end (the runtime opens it close-on-exec), so the kernel closes the pipe
    /// when that process ends, however it ends: a SIGKILL, a crash, a Ctrl+C it had no handler for. The started process
    /// then exits (<see cref="ExitWithParent"/>), as Azurite's watchdog stops Azurite. Nothing else would stop it: a host
    /// left running retries a storage that went with its soak for minutes, beside whatever runs next (CI once ended with
    /// six of them).
    /// </summary>
    public const string ExitWithParentVariable = "PIPELINE_EXIT_WITH_PARENT";

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
        var start = StartInfo(workingDirectory, arguments);
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        var host = new PipelineHostProcess(Process.Start(start) ?? throw new InvalidOperationException("Could not start the pipeline command."));
        host._process.OutputDataReceived += (_, line) => host.OnLine(line.Data);
        host._process.ErrorDataReceived += (_, _) => { };
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        return host;
    }

    /// <summary>
    /// <c>dotnet pipeline.dll &lt;arguments&gt;</c> with this assembly's build, tied to the process that starts it: its
    /// standard input is the pipe whose end tells it to exit (<see cref="ExitWithParentVariable"/>), so the
    /// <see cref="Process"/> must stay undisposed while the command is meant to run.
    /// </summary>
    public static ProcessStartInfo StartInfo(string workingDirectory, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, WorkingDirectory = workingDirectory };
        start.Environment[ExitWithParentVariable] = "1";
        start.ArgumentList.Add(typeof(PipelineHostProcess).Assembly.Location);
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        return start;
    }

    /// <summary>
    /// The started side of <see cref="ExitWithParentVariable"/>, called first thing in a `pipeline` process: if the
    /// variable is set, a thread reads standard input to its end, which comes only when the starting process has gone,
    /// and the process exits there and then with <paramref name="exitCode"/>. Not an orderly stop: that can wait on the
    /// storage that went with the starting process, whose cleanup would have SIGKILLed it anyway (<see cref="Dispose"/>).
    /// What this process started goes the same way: hosts see their own pipes close, Azurite's watchdog sees its pipe close.
    /// </summary>
    public static void ExitWithParent(int exitCode)
    {
        if (Environment.GetEnvironmentVariable(ExitWithParentVariable) != "1") return;
        new Thread(() =>
        {
            Console.OpenStandardInput().CopyTo(Stream.Null);
            Environment.Exit(exitCode);
        })
        { IsBackground = true, Name = "Exit with parent" }.Start();
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
        {
            await exited; // a cancellation ends here, as itself: the process may still be running, with no exit code to name
            throw new InvalidOperationException($"The process ended (exit {_process.ExitCode}) before printing '{text}'.");
        }
    }

    /// <summary>SIGKILL of the host alone: nothing in it gets to clean up (its Azurite's watchdog and the processes it started notice on their own).</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill();
    }

    /// <summary>SIGINT, as Ctrl+C sends it; SIGKILL of it and what it started if it has not stopped within the timeout.</summary>
    public async Task InterruptAsync(TimeSpan timeout)
    {
        if (_process.HasExited) return;
        Process.Start("kill", ["-INT", _process.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
        using var cancel = new CancellationTokenSource(timeout);
        try { await _process.WaitForExitAsync(cancel.Token); }
        catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
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
