using System.CommandLine;

namespace Pipeline.Operations.Tests;

/// <summary>Runs one operator command the way the <c>pipeline</c> executable would, capturing what it writes.</summary>
internal static class Cli
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(Command command, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand { command };
        int exitCode = await root.Parse([command.Name, .. args]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new Result(exitCode, output.ToString(), error.ToString());
    }
}
