using System.CommandLine;
using Pipeline.Operations;
using Pipeline.Runtime;

namespace Pipeline.Local.Commands;

/// <summary><c>replay --poison | --quarantine [--reason X]</c>: sends failed items back through the pipeline after a fix.</summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var poison = new Option<bool>("--poison") { Description = "Replay both poison queues: enriched messages go back to their queue, failed blobs are re-triggered." };
        var quarantine = new Option<bool>("--quarantine") { Description = "Copy quarantined articles back into the articles container." };
        var reason = new Option<string?>("--reason") { Description = "With --quarantine: only articles quarantined for this reason (e.g. TooLarge)." };
        var command = new Command("replay", "Send quarantined or poisoned items back through the pipeline; each item at most once per failure.") { poison, quarantine, reason };
        command.Validators.Add(result =>
        {
            bool isPoison = result.GetValue(poison), isQuarantine = result.GetValue(quarantine);
            if (isPoison == isQuarantine)
                result.AddError("Say what to replay: --poison or --quarantine (one of them).");
            else if (isPoison && result.GetValue(reason) is not null)
                result.AddError("--reason applies to --quarantine only.");
        });
        return command.WithStorage((parse, storage, output, cancellationToken) =>
            ReplayAsync(storage, output, parse.GetValue(poison), parse.GetValue(reason), cancellationToken));
    }

    private static async Task<int> ReplayAsync(PipelineStorage storage, TextWriter output, bool poison, string? reason, CancellationToken cancellationToken)
    {
        var replayer = new PipelineReplayer(storage, new PipelineInspector(storage));
        var results = poison ? replayer.ReplayPoisonAsync(cancellationToken) : replayer.ReplayQuarantineAsync(reason, cancellationToken);
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
