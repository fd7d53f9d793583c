using Microsoft.Azure.Functions.Worker;
using Pipeline.Summary;

namespace Pipeline.Functions;

/// <summary>
/// Safety net for the summary: every message folds after recording, but an instance that died holding the fold lease
/// leaves records pending until someone folds again. This makes sure someone does, within a minute.
/// </summary>
public sealed class FoldSummary(SummaryFolder folder)
{
    [Function(nameof(FoldSummary))]
    public Task Run([TimerTrigger("0 */1 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        folder.FoldPendingAsync(cancellationToken);
}
