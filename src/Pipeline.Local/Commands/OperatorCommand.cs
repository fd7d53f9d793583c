using System.CommandLine;
using Pipeline.Runtime;

namespace Pipeline.Local.Commands;

/// <summary>What the operator commands share: they act on the storage of a pipeline that is already running.</summary>
internal static class OperatorCommand
{
    /// <summary>
    /// Adds --storage and --data-dir and runs <paramref name="action"/> against that storage, writing to the invocation's
    /// output. With no run on the data folder the command fails with one line saying so (exit code 1), not a stack trace.
    /// </summary>
    public static Command WithStorage(this Command command, Func<ParseResult, PipelineStorage, TextWriter, CancellationToken, Task<int>> action)
    {
        command.Options.Add(CommonOptions.Storage);
        command.Options.Add(CommonOptions.DataDir);
        command.SetAction(async (parse, cancellationToken) =>
        {
            string connectionString;
            try
            {
                connectionString = await LocalStorageAccount.LocateRunningAsync(parse.GetValue(CommonOptions.Storage), parse.GetValue(CommonOptions.DataDir)!, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidOperationException e)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
                return 1;
            }
            return await action(parse, PipelineStorage.FromConnectionString(connectionString), parse.InvocationConfiguration.Output, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
