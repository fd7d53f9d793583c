using System.CommandLine;
using Microsoft.Extensions.Options;

namespace Pipeline.Local.Commands;

/// <summary>
/// The <c>pipeline</c> command and how it fails: one line on standard error and an exit code, never a stack trace (the
/// logs, with <c>--verbose</c>, keep the details). Usage mistakes exit 1 and name the help to read; a command that fails
/// exits 1 with its reason; Ctrl+C exits 130.
/// </summary>
public static class PipelineCommandLine
{
    public const int Failed = 1;
    public const int Interrupted = 130;

    public static RootCommand Create() => new("Pipeline: the newsroom ingestion pipeline on your machine (Azurite + WebJobs host + offline analyzer).")
    {
        RunCommand.Create(),
        AnalyzeCommand.Create(),
        GenerateCommand.Create(),
        BenchCommand.Create(),
        SoakCommand.Create(),
        EmulateLanguageCommand.Create(),
        // Operator commands against a running pipeline's storage.
        IngestCommand.Create(),
        StatusCommand.Create(),
        ReplayCommand.Create(),
        RetractCommand.Create(),
        SummaryCommand.Create(),
        EvalCommand.Create(),
    };

    public static async Task<int> InvokeAsync(string[] args)
    {
        var root = Create();
        var error = Console.Error;
        var parse = root.Parse(args.Length == 0 ? ["--help"] : args);
        if (parse.Errors.Count > 0)
        {
            // Commands are one level deep: the help to read is the root's or one command's.
            string help = parse.CommandResult.Command is RootCommand ? "pipeline" : "pipeline " + parse.CommandResult.Command.Name;
            // An unknown command word also reports "Required command was not provided": the word is the news.
            var messages = parse.CommandResult.Command is RootCommand && parse.UnmatchedTokens.Count > 0
                ? [$"'{parse.UnmatchedTokens[0]}' is not a pipeline command."]
                : parse.Errors.Select(e => e.Message);
            foreach (string message in messages)
                await error.WriteLineAsync($"error: {message}").ConfigureAwait(false);
            await error.WriteLineAsync($"See '{help} --help'.").ConfigureAwait(false);
            return Failed;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
            }).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("Interrupted.").ConfigureAwait(false);
            return Interrupted;
        }
        catch (Exception e)
        {
            await error.WriteLineAsync($"error: {Describe(e)}").ConfigureAwait(false);
            return Failed;
        }
    }

    /// <summary>The innermost meaningful message, on one line.</summary>
    private static string Describe(Exception e)
    {
        while (e is AggregateException { InnerExceptions.Count: 1 } aggregate)
            e = aggregate.InnerExceptions[0];
        string message = e is OptionsValidationException invalid ? string.Join(" ", invalid.Failures) : e.Message;
        return message.ReplaceLineEndings(" ");
    }
}
