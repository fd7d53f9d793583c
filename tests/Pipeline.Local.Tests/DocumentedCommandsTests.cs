using System.Globalization;
using Pipeline.Local.Commands;
using Pipeline.Local.Reliability;
using Pipeline.Testing;
using Xunit.Abstractions;

namespace Pipeline.Local.Tests;

/// <summary>
/// Every command line the docs show is parsed by the real command and started as its own process, in a scratch folder
/// that links <c>seeds/</c>: the ones that finish must exit as the docs say; the ones that keep running (a pipeline, the
/// emulator, bench, soak) must come up and stop cleanly on Ctrl+C, taking what they started with them. Operator commands
/// act on a pipeline this class runs; an Azure AI Language resource address (<c>https://….cognitiveservices.azure.com/</c>)
/// is answered by an emulator this class runs, whose key the docs' <c>$LANGUAGE_KEY</c> holds.
/// </summary>
public sealed class DocumentedCommandsTests(DocumentedCommandsTests.Workspace workspace, ITestOutputHelper log) : IClassFixture<DocumentedCommandsTests.Workspace>
{
    /// <summary>What the docs say these exit with, where it is not 0.</summary>
    private static readonly Dictionary<string, int> ExpectedExitCodes = new(StringComparer.Ordinal)
    {
        ["ingest seeds/bad --wait"] = 2, // every file there is quarantined: "2 otherwise"
    };

    /// <summary>The line each long-running command prints once it is up (null: still running after a few seconds).</summary>
    private static readonly Dictionary<string, string?> Ready = new(StringComparer.Ordinal)
    {
        ["run"] = "Dashboard on ",
        ["emulate-language"] = "listening on",
        ["bench"] = "Benchmark: ",
        ["soak"] = null,
    };

    private static readonly string[] OperatorCommands = ["ingest", "status", "replay", "summary", "retract"];

    public static TheoryData<string> Lines() => new(DocumentedCommands.All().Select(c => c.Line));

    [Fact]
    public void The_docs_show_every_command()
    {
        var shown = DocumentedCommands.All().Select(c => DocumentedCommands.Arguments(c.Line)[0]).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(PipelineCommandLine.Create().Subcommands.Select(c => c.Name).Order(StringComparer.Ordinal), shown.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public async Task Each_documented_command_line_parses_and_runs(string line)
    {
        var arguments = DocumentedCommands.Arguments(line).Select(workspace.Resolve).ToList();
        Assert.DoesNotContain(arguments, a => a.Contains('<') || a.StartsWith('[') || a == "|" || a.Contains('…') || a == "...");
        var parse = PipelineCommandLine.Create().Parse([.. arguments]);
        Assert.True(parse.Errors.Count == 0, $"'pipeline {line}': {string.Join("; ", parse.Errors.Select(e => e.Message))}");

        string command = arguments[0];
        if (OperatorCommands.Contains(command) && !arguments.Contains("--data-dir") && !arguments.Contains("--storage"))
            arguments.AddRange(["--data-dir", workspace.RunningDataDirectory]);
        else if (command == "run" && !arguments.Contains("--data-dir") && !arguments.Contains("--storage"))
            arguments.AddRange(["--data-dir", workspace.NewDataDirectory()]);
        // A second dashboard on 7071 would collide with one a developer has open; a free port is printed all the same.
        if (command == "run" && !arguments.Contains("--once") && !arguments.Contains("--port"))
            arguments.AddRange(["--port", "0"]);

        if (Ready.TryGetValue(command, out string? ready) && !(command == "run" && arguments.Contains("--once")))
            await StartAndInterruptAsync(arguments, ready);
        else
            await RunToEndAsync(line, arguments);
    }

    private async Task RunToEndAsync(string line, IReadOnlyList<string> arguments)
    {
        var result = await PipelineCommand.RunAsync(arguments, TimeSpan.FromMinutes(3), workingDirectory: workspace.Folder);
        log.WriteLine(result.ToString());

        Assert.Equal(ExpectedExitCodes.GetValueOrDefault(line), result.ExitCode);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.DoesNotContain("Unhandled exception", result.Output + result.Error);
    }

    private async Task StartAndInterruptAsync(IReadOnlyList<string> arguments, string? ready)
    {
        using var process = PipelineHostProcess.StartIn(workspace.Folder, [.. arguments]);
        try
        {
            if (ready is not null)
                await process.WaitForLineAsync(ready, TimeSpan.FromSeconds(60));
            else
                Assert.False(await Task.Run(() => process.WaitForExitAsync().Wait(TimeSpan.FromSeconds(5))), "exited at once");
            // Seen now, while it runs: once it has gone, nothing links what it started to it.
            var started = ObservedProcess.DescendantsOf(process.Id);
            await process.InterruptAsync(TimeSpan.FromSeconds(60));
            log.WriteLine(string.Join('\n', process.Output));

            Assert.True(process.HasExited);
            Assert.Contains(process.ExitCode, new[] { 0, PipelineCommandLine.Interrupted });
            // Its hosts, emulator and Azurite end with it: an interrupted soak once left three hosts running for minutes.
            await Eventually.ReturnsAsync(() => Task.FromResult(started.Where(p => p.IsRunning).ToList()), running => running.Count == 0, TimeSpan.FromSeconds(30),
                "what it started to end with it", running => string.Join("; ", running));
        }
        finally
        {
            log.WriteLine(string.Join('\n', process.Output));
        }
    }

    /// <summary>A scratch folder with <c>seeds</c> linked in, and one pipeline running on it for the operator commands.</summary>
    public sealed class Workspace : IAsyncLifetime
    {
        private const string LanguageKey = "docs-key";
        private PipelineHostProcess? _pipeline;
        private PipelineHostProcess? _language;
        private string _languageEndpoint = "";
        private int _dataDirectories;

        public string Folder { get; } = Path.Combine(Path.GetTempPath(), "pipeline-docs-" + Guid.NewGuid().ToString("N"));

        public string RunningDataDirectory => Path.Combine(Folder, ".pipeline");

        public string NewDataDirectory() => Path.Combine(Folder, "data-" + Interlocked.Increment(ref _dataDirectories).ToString(CultureInfo.InvariantCulture));

        /// <summary>What a shell and the reader would put in place: the key variable, and a Language resource this machine can reach.</summary>
        public string Resolve(string argument) =>
            argument == "$LANGUAGE_KEY" ? LanguageKey
            : argument.StartsWith("https://", StringComparison.Ordinal) && argument.EndsWith(".cognitiveservices.azure.com/", StringComparison.Ordinal) ? _languageEndpoint
            : argument;

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(Folder);
            Directory.CreateSymbolicLink(Path.Combine(Folder, "seeds"), RepositoryFiles.Seeds);
            _language = PipelineHostProcess.StartIn(Folder, "emulate-language", "--port", "0", "--key", LanguageKey);
            _pipeline = PipelineHostProcess.StartIn(Folder, "run", "--ingest", "seeds", "--data-dir", RunningDataDirectory, "--port", "0");
            await _language.WaitForLineAsync("listening on", TimeSpan.FromSeconds(60));
            _languageEndpoint = _language.Output.First(l => l.Contains("listening on", StringComparison.Ordinal)).Split(' ')[4];
            await _pipeline.WaitForLineAsync("Processing whatever lands", TimeSpan.FromSeconds(90));
        }

        public async Task DisposeAsync()
        {
            foreach (var process in new[] { _pipeline, _language })
            {
                if (process is null) continue;
                await process.InterruptAsync(TimeSpan.FromSeconds(30));
                process.Dispose();
            }
            try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
        }
    }
}
