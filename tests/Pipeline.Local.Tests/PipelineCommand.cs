using Pipeline.Local.Reliability;
using Pipeline.Testing;

namespace Pipeline.Local.Tests;

/// <summary>Runs the built <c>pipeline</c> command as a process of its own and keeps what it wrote to each stream.</summary>
internal static class PipelineCommand
{
    public static Task<ProcessRun> RunAsync(IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var start = PipelineHostProcess.StartInfo(workingDirectory ?? "", arguments);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        return ProcessRun.RunAsync(start, timeout);
    }
}
