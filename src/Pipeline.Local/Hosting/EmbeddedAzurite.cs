using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Local.Hosting;

/// <summary>
/// Azurite from the repository's pinned npm dependency, on free loopback ports, with its data in a folder of its own.
/// It runs under a small shell watchdog that reads our stdin: if this process dies, even by SIGKILL, the pipe closes and
/// the watchdog stops Azurite. A pid file catches what the watchdog cannot (a killed watchdog), so the next start is clean.
/// Azurite flushes its stores within milliseconds of SIGTERM but then idles for about ten seconds on timers, so once it
/// reports all three services closed the process is ended rather than waited for.
/// </summary>
public sealed class EmbeddedAzurite : IAsyncDisposable
{
    /// <summary>Azurite's published development account; the key is public and only ever valid against the emulator.</summary>
    private const string DevAccount = "devstoreaccount1";
    private const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const int Services = 3;

    /// <summary>
    /// Azurite keeps its metadata in memory and saves each store every 5 s when it changed (LokiJS autosaveInterval 5000 in
    /// its blob, queue and table stores), so a SIGKILL loses up to the last 5 s of writes, and no file says when a save
    /// covered a given write. Azure storage acknowledges a write only once it is durable; to test the pipeline rather than
    /// the emulator, a crash comes once the writes before it have settled and this much more has passed.
    /// </summary>
    public static readonly TimeSpan SaveInterval = TimeSpan.FromSeconds(6);
    private readonly Process _process;
    private readonly string _pidFile;
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _servicesClosed;

    private EmbeddedAzurite(Process process, string pidFile, string endpointFile, Endpoint endpoint)
    {
        _process = process;
        _pidFile = pidFile;
        _endpointFile = endpointFile;
        _endpoint = endpoint;
    }

    private readonly string _endpointFile;
    private readonly Endpoint _endpoint;

    public string ConnectionString => _endpoint.ConnectionString;

    /// <summary>Blob, queue and table ports, for a restart on the same address.</summary>
    public int[] Ports => [_endpoint.BlobPort, _endpoint.QueuePort, _endpoint.TablePort];

    /// <summary>
    /// Where a running instance tells other processes (the operator commands) how to reach it: <c>{data}/azurite/endpoint.json</c>
    /// holds its ports while it runs. The key is Azurite's public development key, so it is not written down.
    /// </summary>
    private sealed record Endpoint(int BlobPort, int QueuePort, int TablePort)
    {
        [JsonIgnore]
        public string ConnectionString =>
            $"DefaultEndpointsProtocol=http;AccountName={DevAccount};AccountKey={DevKey};" +
            $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{DevAccount};QueueEndpoint=http://127.0.0.1:{QueuePort}/{DevAccount};TableEndpoint=http://127.0.0.1:{TablePort}/{DevAccount};";
    }

    /// <summary>Where the watchdog writes the pid of Azurite's node process: <c>{data}/azurite/azurite.pid</c>.</summary>
    public static string PidFile(string dataDirectory) => Path.Combine(Path.GetFullPath(Path.Combine(dataDirectory, "azurite")), "azurite.pid");

    /// <summary>
    /// SIGKILLs the Azurite running on <paramref name="dataDirectory"/>, as a crash or the OOM killer would: no flush, no
    /// goodbye. For the fault tests and the soak; returns false when none runs there.
    /// </summary>
    public static bool Crash(string dataDirectory)
    {
        string pidFile = PidFile(dataDirectory);
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int pid))
            return false;
        try
        {
            using var node = Process.GetProcessById(pid);
            node.Kill();
            node.WaitForExit(5000);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public static string EndpointFile(string dataDirectory) => Path.Combine(Path.GetFullPath(Path.Combine(dataDirectory, "azurite")), "endpoint.json");

    /// <summary>The connection string of the Azurite a running <c>pipeline run</c> keeps on this data folder; null when none is listening there.</summary>
    public static async Task<string?> FindRunningAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        string file = EndpointFile(dataDirectory);
        if (!File.Exists(file))
            return null;
        Endpoint? endpoint;
        try { endpoint = JsonSerializer.Deserialize<Endpoint>(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false)); }
        catch (JsonException) { return null; }
        // A host killed hard leaves the file behind, but its watchdog has stopped Azurite: nothing listens any more.
        return endpoint is not null && await AllListeningAsync([endpoint.BlobPort, endpoint.QueuePort, endpoint.TablePort], cancellationToken).ConfigureAwait(false)
            ? endpoint.ConnectionString
            : null;
    }

    /// <param name="ports">Blob, queue and table ports; free ones when not given (a restart passes the previous ones).</param>
    public static async Task<EmbeddedAzurite> StartAsync(string dataDirectory, int[]? ports = null, CancellationToken cancellationToken = default)
    {
        string script = LocateAzurite();
        string location = Path.GetFullPath(Path.Combine(dataDirectory, "azurite"));
        Directory.CreateDirectory(location);
        string pidFile = PidFile(dataDirectory);
        StopOrphan(pidFile);

        ports ??= FreePorts(3);
        // In a session of its own, a terminal's Ctrl+C reaches only the host, which then stops Azurite in order.
        var start = new ProcessStartInfo(File.Exists("/usr/bin/setsid") ? "/usr/bin/setsid" : "/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The watchdog: start Azurite, wait for stdin to close (our exit, however it happens), then stop Azurite.
        if (start.FileName != "/bin/sh") start.ArgumentList.Add("/bin/sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("node \"$@\" & child=$!; echo $child > \"$PIDFILE\"; trap 'kill $child 2>/dev/null' EXIT TERM INT; cat >/dev/null; kill $child 2>/dev/null; wait $child");
        start.ArgumentList.Add("azurite-watchdog");
        foreach (string argument in new[]
                 {
                     script, "--silent", "--skipApiVersionCheck", "--disableTelemetry", "--loose",
                     "--location", location,
                     "--blobHost", "127.0.0.1", "--blobPort", Port(ports[0]),
                     "--queueHost", "127.0.0.1", "--queuePort", Port(ports[1]),
                     "--tableHost", "127.0.0.1", "--tablePort", Port(ports[2]),
                 })
            start.ArgumentList.Add(argument);
        start.Environment["PIDFILE"] = pidFile;

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Azurite.");
        var endpoint = new Endpoint(ports[0], ports[1], ports[2]);
        var azurite = new EmbeddedAzurite(process, pidFile, EndpointFile(dataDirectory), endpoint);
        process.OutputDataReceived += (_, line) => azurite.OnOutput(line.Data);
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await azurite.WaitUntilListeningAsync(ports, cancellationToken).ConfigureAwait(false);

        // Written whole then renamed, so a reader never sees half a file.
        string temporary = azurite._endpointFile + ".tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(endpoint), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, azurite._endpointFile, overwrite: true);
        return azurite;
    }

    private void OnOutput(string? line)
    {
        if (line is not null && line.Contains("successfully closed", StringComparison.Ordinal) && Interlocked.Increment(ref _servicesClosed) == Services)
            _closed.TrySetResult();
    }

    private async Task WaitUntilListeningAsync(int[] ports, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"Azurite exited at start-up with code {_process.ExitCode}.");
            if (await AllListeningAsync(ports, cancellationToken).ConfigureAwait(false))
                return;
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
        await DisposeAsync().ConfigureAwait(false);
        throw new TimeoutException("Azurite did not start listening within 30 s.");
    }

    private static async Task<bool> AllListeningAsync(int[] ports, CancellationToken cancellationToken)
    {
        foreach (int port in ports)
        {
            using var client = new TcpClient();
            try { await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false); }
            catch (SocketException) { return false; }
        }
        return true;
    }

    /// <summary>node_modules/azurite, installed with <c>npm ci</c> from the committed lock file on first use.</summary>
    private static string LocateAzurite()
    {
        string root = RepositoryRoot();
        string script = Path.Combine(root, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (File.Exists(script))
            return script;

        // Test projects start in parallel: one of them installs, the others wait for it.
        using var installLock = AcquireInstallLock(root);
        if (File.Exists(script))
            return script;
        Console.Error.WriteLine("Installing the pinned Azurite (npm ci) ...");
        var npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund --loglevel=error") { WorkingDirectory = root, UseShellExecute = false })
                  ?? throw new InvalidOperationException("npm is needed to install Azurite.");
        npm.WaitForExit();
        if (npm.ExitCode != 0 || !File.Exists(script))
            throw new InvalidOperationException($"'npm ci' in {root} failed (exit {npm.ExitCode}); Azurite is not available.");
        return script;
    }

    private static FileStream AcquireInstallLock(string root)
    {
        string path = Path.Combine(Path.GetTempPath(), "pipeline-npm-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(root)))[..12] + ".lock");
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try { return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose); }
            catch (IOException) when (clock.Elapsed < TimeSpan.FromMinutes(5)) { Thread.Sleep(200); }
        }
    }

    /// <summary>The folder with the committed package.json, for the embedded Azurite.</summary>
    public static string RepositoryRoot() =>
        FindRepositoryRoot() ?? throw new InvalidOperationException(NoRepository + ".");

    /// <summary>Why no embedded Azurite can start; a command that takes --storage adds that way out.</summary>
    public const string NoRepository = "The embedded Azurite is installed from the Pipeline repository: run inside it (package.json and Pipeline.sln not found)";

    /// <summary>
    /// The folder with the committed package.json, found upwards from the working directory or the binaries; null when
    /// neither is inside the repository, as for a published or copied `pipeline` started elsewhere.
    /// </summary>
    public static string? FindRepositoryRoot()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "package.json")) && File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
                    return dir.FullName;
            }
        }
        return null;
    }

    /// <summary>An Azurite left running on this data folder by a host that was killed hard.</summary>
    private static void StopOrphan(string pidFile)
    {
        if (!File.Exists(pidFile))
            return;
        if (int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int pid))
        {
            try
            {
                using var orphan = Process.GetProcessById(pid);
                string commandLine = File.Exists($"/proc/{pid}/cmdline") ? File.ReadAllText($"/proc/{pid}/cmdline") : "";
                if (commandLine.Contains("azurite", StringComparison.Ordinal))
                {
                    // SIGTERM first so it flushes its stores; it closes its services within milliseconds.
                    Process.Start("kill", ["-TERM", pid.ToString(CultureInfo.InvariantCulture)])?.WaitForExit();
                    Thread.Sleep(500);
                    if (!orphan.HasExited) orphan.Kill(entireProcessTree: true);
                    orphan.WaitForExit(5000);
                }
            }
            catch (ArgumentException) { } // Not running any more.
        }
        File.Delete(pidFile);
    }

    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        int[] ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        listeners.ForEach(l => l.Stop());
        return ports;
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Completes when Azurite's node process ends (a crash, the OOM killer, a SIGKILL). That is the watchdog's child, not
    /// ours, and the watchdog itself lives on, waiting for our stdin to close, so the process is found by its pid file.
    /// </summary>
    public async Task WaitForExitAsync(CancellationToken cancellationToken)
    {
        Process node;
        try
        {
            node = Process.GetProcessById(int.Parse(await File.ReadAllTextAsync(_pidFile, cancellationToken).ConfigureAwait(false), NumberStyles.None | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is ArgumentException or FileNotFoundException or FormatException)
        {
            return; // Gone already.
        }
        using (node)
            await node.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(_endpointFile)) File.Delete(_endpointFile);
        if (!_process.HasExited)
        {
            _process.StandardInput.Close(); // The watchdog sends Azurite SIGTERM.
            await Task.WhenAny(_closed.Task, _process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(10))).ConfigureAwait(false);
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
        _process.Dispose();
        if (File.Exists(_pidFile)) File.Delete(_pidFile);
    }
}
