using Pipeline.Ingestion.Parsing;

namespace Pipeline.Ingestion.Enrichment;

/// <summary>
/// One article's allowance of computation, spent stage by stage. A stage runs on the thread pool and is awaited only while
/// allowance is left: past it the worker is free at once, the stage's token is cancelled (the analyzers check it between
/// chunks), and the article is rejected as <see cref="RejectionReason.TooComplex"/> naming the stage. A stage that does not
/// check the token runs to its end unobserved; its linear cost in the input, which the size limit bounds, keeps that end near.
/// </summary>
internal sealed class ComputeBudget(TimeSpan allowance, TimeProvider clock)
{
    private readonly long _started = clock.GetTimestamp();

    public async Task<T> RunAsync<T>(string stage, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var left = allowance - clock.GetElapsedTime(_started);
        if (left <= TimeSpan.Zero)
            throw Overrun(stage);
        using var overrun = new CancellationTokenSource(left, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, overrun.Token);
        // Taken here: a stage the thread pool starts only after the overrun must still get its (cancelled) token, and the
        // source is disposed by then.
        var token = linked.Token;
        var running = Task.Run(() => work(token), CancellationToken.None);
        try
        {
            return await running.WaitAsync(left, clock, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && (e is TimeoutException || (e is OperationCanceledException && overrun.IsCancellationRequested)))
        {
            await overrun.CancelAsync().ConfigureAwait(false);
            // Nobody awaits the abandoned stage any more; its eventual failure must not surface as unobserved.
            _ = running.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw Overrun(stage);
        }
    }

    private ArticleRejectedException Overrun(string stage) => new(RejectionReason.TooComplex,
        $"The article's {stage} stage did not finish within its compute budget of {allowance.TotalSeconds:0.#} s (Pipeline:Enrichment:ComputeBudget).")
    {
        Detail = stage,
    };
}
