using System.CommandLine;
using Pipeline.Runtime;

namespace Pipeline.Local.Commands;

/// <summary>What the operator commands share: they act on the storage of a pipeline that is already running.</summary>
internal static class OperatorCommand
{
    /// <summary>
    /// Adds --storage, --storage-account and --data-dir and runs <paramref name="action"/> against that storage, writing to
    /// the invocation's output. With no run on the data folder the command fails with one line saying so (exit code 1), not a
    /// stack trace.
    /// </summary>
    public static Command WithStorage(this Command command, Func<ParseResult, PipelineStorage, TextWriter, CancellationToken, Task<int>> action)
    {
        command.Options.Add(CommonOptions.Storage);
        command.Options.Add(CommonOptions.StorageAccount);
        command.Options.Add(CommonOptions.DataDir);
        command.Validators.Add(result =>
        {
            if (result.GetValue(CommonOptions.Storage) is not null && result.GetValue(CommonOptions.StorageAccount) is not null)
                result.AddError("Pass --storage or --storage-account, not both.");
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            PipelineStorage storage;
            try
            {
                storage = parse.GetValue(CommonOptions.StorageAccount) is { } account
                    ? AzureAccount(account)
                    : PipelineStorage.FromConnectionString(await LocalStorageAccount.LocateRunningAsync(parse.GetValue(CommonOptions.Storage), parse.GetValue(CommonOptions.DataDir)!, cancellationToken).ConfigureAwait(false));
            }
            catch (InvalidOperationException e)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
                return 1;
            }
            try
            {
                return await action(parse, storage, parse.InvocationConfiguration.Output, cancellationToken).ConfigureAwait(false);
            }
            catch (Azure.Identity.AuthenticationFailedException e)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(
                    $"No Entra ID sign-in for --storage-account ({e.Message.Split('\n')[0].Trim()}). Run 'az login' as a principal holding the storage data roles, then try again.").ConfigureAwait(false);
                return 1;
            }
        });
        return command;
    }

    /// <summary>The account's public endpoints in the Azure public cloud, with the operator's own Entra sign-in.</summary>
    internal static PipelineStorage AzureAccount(string name) => PipelineStorage.FromServiceUris(
        new Uri($"https://{name}.blob.core.windows.net/"),
        new Uri($"https://{name}.queue.core.windows.net/"),
        new Uri($"https://{name}.table.core.windows.net/"),
        new Azure.Identity.DefaultAzureCredential());
}
