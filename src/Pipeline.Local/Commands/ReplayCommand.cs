using System.CommandLine;
using Pipeline.Operations;
using Pipeline.Runtime;

namespace Pipeline.Local.Commands;

/// <summary><c>replay --poison | --quarantine [--reason X] | --dead-letter</c>: sends failed items back through the pipeline after a fix.</summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var poison = new Option<bool>("--poison") { Description = "Replay both poison queues: enriched messages go back to their queue, failed blobs are re-triggered." };
        var quarantine = new Option<bool>("--quarantine") { Description = "Copy quarantined articles back into the articles container." };
        var reason = new Option<string?>("--reason") { Description = "With --quarantine: only articles quarantined for this reason (e.g. TooLarge)." };
        var deadLetter = new Option<bool>("--dead-letter") { Description = "Replay the events Event Grid dead-lettered: created articles are re-triggered, deletions re-queued." };
        var command = new Command("replay", "Send quarantined, poisoned or dead-lettered items back through the pipeline; each item at most once per failure.") { poison, quarantine, reason, deadLetter };
        command.Validators.Add(result =>
        {
            int chosen = new[] { result.GetValue(poison), result.GetValue(quarantine), result.GetValue(deadLetter) }.Count(c => c);
            if (chosen != 1)
                result.AddError("Say what to replay: --poison, --quarantine or --dead-letter (one of them).");
            else if (!result.GetValue(quarantine) && result.GetValue(reason) is not null)
                result.AddError("--reason applies to --quarantine only.");
        });
        return command.WithStorage((parse, storage, output, cancellationToken) =>
        {
            var replayer = new PipelineReplayer(storage, new PipelineInspector(storage));
            var results = parse.GetValue(poison) ? replayer.ReplayPoisonAsync(cancellationToken)
                : parse.GetValue(deadLetter) ? replayer.ReplayDeadLetterAsync(cancellationToken)
                : replayer.ReplayQuarantineAsync(parse.GetValue(reason), cancellationToken);
            return ReportAsync(results, output);
        });
    }

    private static async Task<int> ReportAsync(IAsyncEnumerable<ReplayResult> results, TextWriter output)
    {
        var counts = new Dictionary<ReplayOutcome, int>();
        await foreach (var result in results.ConfigureAwait(false))
        {
            counts[result.Outcome] = counts.GetValueOrDefault(result.Outcome) + 1;
            await output.WriteLineAsync($"{Describe(result.Outcome),-16} {result.Source}: {result.Item}{(result.Detail is null ? "" : $" ({result.Detail})")}").ConfigureAwait(false);
        }
        await output.WriteLineAsync(counts.Count == 0
            ? "Nothing to replay."
            : string.Join(", ", Enum.GetValues<ReplayOutcome>().Where(counts.ContainsKey).Select(o => $"{Describe(o)}: {counts[o]}"))).ConfigureAwait(false);
        // An unreplayable message is reported, not failed: no fix of the pipeline can make it an article.
        return counts.ContainsKey(ReplayOutcome.Skipped) ? 2 : 0;
    }

    private static string Describe(ReplayOutcome outcome) => outcome switch
    {
        ReplayOutcome.Replayed => "replayed",
        ReplayOutcome.AlreadyReplayed => "already replayed",
        ReplayOutcome.Obsolete => "obsolete",
        ReplayOutcome.Unreplayable => "unreplayable",
        _ => "skipped",
    };
}
