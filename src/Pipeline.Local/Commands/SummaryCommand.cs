using System.CommandLine;
using System.Text.Json;
using Pipeline.Runtime;
using Pipeline.Summary;

namespace Pipeline.Local.Commands;

/// <summary><c>summary [--json]</c>: the summary dashboards read, as tables or as the document itself.</summary>
internal static class SummaryCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print summaries/latest.json as it is stored (schemaVersion 1)." };
        var command = new Command("summary", "Print the summary of a running pipeline.") { json };
        return command.WithStorage((parse, storage, output, cancellationToken) => PrintAsync(storage, output, parse.GetValue(json), cancellationToken));
    }

    private static async Task<int> PrintAsync(PipelineStorage storage, TextWriter output, bool json, CancellationToken cancellationToken)
    {
        var summary = await new SummaryStore(storage).ReadLatestAsync(cancellationToken).ConfigureAwait(false);
        if (summary is null)
        {
            await output.WriteLineAsync("No summary yet: nothing has been summarised.").ConfigureAwait(false);
            return 0;
        }
        if (json)
            await output.WriteLineAsync(JsonSerializer.Serialize(summary, CommonOptions.IndentedJson.GetTypeInfo(typeof(SummaryDocument)))).ConfigureAwait(false);
        else
            SummaryPrinter.PrintTables(output, summary);
        return 0;
    }
}
