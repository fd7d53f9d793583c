using System.CommandLine;
using Pipeline.Operations;
using Pipeline.Runtime;

namespace Pipeline.Local.Commands;

/// <summary><c>status</c>: how many articles arrived and are counted, what is stuck, and how deep the queues are.</summary>
internal static class StatusCommand
{
    public static Command Create() =>
        new Command("status", "Articles received, summarised, pending and retracted; quarantined by reason; poisoned; queue depths.")
            .WithStorage((_, storage, output, cancellationToken) => PrintAsync(storage, output, cancellationToken));

    private static async Task<int> PrintAsync(PipelineStorage storage, TextWriter output, CancellationToken cancellationToken)
    {
        var inspector = new PipelineInspector(storage);
        var articles = await inspector.CountArticlesAsync(cancellationToken).ConfigureAwait(false);
        var status = await inspector.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        var unreplayable = status.Poisoned == 0 ? [] : (await inspector.PeekPoisonAsync(cancellationToken).ConfigureAwait(false)).Where(m => m.Unreplayable is not null).ToList();

        await output.WriteLineAsync($"Articles received:   {articles.Received}").ConfigureAwait(false);
        await output.WriteLineAsync($"  summarised:        {articles.Summarised}").ConfigureAwait(false);
        await output.WriteLineAsync($"  pending a fold:    {articles.Pending}").ConfigureAwait(false);
        await output.WriteLineAsync($"  retracted:         {articles.Retracted}").ConfigureAwait(false);
        await output.WriteLineAsync($"Quarantined:         {status.Quarantined}").ConfigureAwait(false);
        foreach (var (reason, count) in status.QuarantinedByReason)
            await output.WriteLineAsync($"  {reason + ":",-18} {count}").ConfigureAwait(false);
        await output.WriteLineAsync($"Poisoned:            {status.Poisoned}").ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);
        SummaryPrinter.Table(output, "Queue depths", ["Queue", "Messages"],
            status.QueueDepths.Select(q => new[] { q.Key, q.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        if (unreplayable.Count > 0)
        {
            // A peek sees 32 messages of each queue; replay --poison walks them all.
            await output.WriteLineAsync().ConfigureAwait(false);
            SummaryPrinter.Table(output, "Unreplayable poison messages (replay --poison leaves them in place)", ["Queue", "Message", "Reason"],
                unreplayable.Select(m => new[] { m.Queue, m.MessageId, m.Unreplayable! }));
        }
        return 0;
    }
}
