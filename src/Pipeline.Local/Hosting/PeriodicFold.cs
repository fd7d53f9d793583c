using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Summary;

namespace Pipeline.Local.Hosting;

/// <summary>The local counterpart of the Azure app's FoldSummary timer: a fold whose holder died is finished by someone.</summary>
internal sealed class PeriodicFold(SummaryFolder folder, ILogger<PeriodicFold> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try { await folder.FoldPendingAsync(stoppingToken).ConfigureAwait(false); }
            catch (Azure.RequestFailedException e) when (e.Status == 0)
            {
                logger.StorageUnreachable("periodic fold", e.Message);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.PeriodicFoldFailed(e);
            }
        }
    }
}
