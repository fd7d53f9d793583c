using System.Diagnostics;
using Pipeline.Local.Hosting;

namespace Pipeline.Local.Benchmark;

/// <summary>Articles into a running pipeline, and how fast and how late they come out: what both benchmarks measure.</summary>
internal static class ArticleLoad
{
    /// <summary>
    /// Uploads the articles (all at once, or paced at a rate) and takes each one's settle time from storage (the head row's
    /// Timestamp, written when the fold marks it applied), so the observer can look only once a second: checking every
    /// head ten times a second cost Azurite, the shared bottleneck, a fifth of its time. Gives up after two minutes plus
    /// the articles at <paramref name="slowest"/> a second.
    /// </summary>
    public static async Task<(double Rate, Percentiles Latency, TimeSpan Elapsed)> RunAsync(ArticleTracker tracker, IReadOnlyList<(string Name, byte[] Content)> articles, double? pace, int parallelism, double slowest, CancellationToken cancellationToken)
    {
        var uploads = new UploadedArticle[articles.Count];
        var uploadedAt = new DateTimeOffset[articles.Count];
        var start = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var uploading = Parallel.ForEachAsync(Enumerable.Range(0, articles.Count), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            if (pace is { } rate)
            {
                var due = TimeSpan.FromSeconds(i / rate) - clock.Elapsed;
                if (due > TimeSpan.Zero) await Task.Delay(due, ct);
            }
            uploads[i] = await tracker.UploadAsync(articles[i].Name, new MemoryStream(articles[i].Content), ct);
            uploadedAt[i] = DateTimeOffset.UtcNow;
        });

        var settledAt = new DateTimeOffset?[articles.Count];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < articles.Count; i++) index[articles[i].Name] = i;
        var deadline = TimeSpan.FromSeconds(120) + articles.Count / slowest * TimeSpan.FromSeconds(1);
        while (settledAt.Any(s => s is null))
        {
            if (clock.Elapsed > deadline)
                throw new TimeoutException($"{settledAt.Count(s => s is null)} articles were not summarised within {deadline.TotalSeconds:F0} s.");
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            var known = uploads.Where(u => u is not null).ToList();
            var now = DateTimeOffset.UtcNow;
            foreach (var result in await tracker.CheckAsync(known, cancellationToken))
            {
                int i = index[result.Article.Name];
                if (settledAt[i] is null && result.State != ArticleState.InFlight)
                    settledAt[i] = result.SettledAt ?? now; // quarantined or poisoned: when it was seen
            }
        }
        await uploading;
        var elapsed = settledAt.Max()!.Value - start;
        return (articles.Count / elapsed.TotalSeconds, Percentiles.Of(settledAt.Select((s, i) => Math.Max(0, (s!.Value - uploadedAt[i]).TotalSeconds)).ToList()), elapsed);
    }
}
