using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;
using static Pipeline.Analysis.AzureLanguage.Tests.ScriptedLanguageService;

namespace Pipeline.Analysis.AzureLanguage.Tests;

/// <summary>The process's pace: its share at least, the resource's rate at most, halved by throttling, paused by Retry-After.</summary>
public class PacingTests(ITestOutputHelper output)
{
    private static readonly TimeSpan LongestPause = TimeSpan.FromMinutes(1);

    /// <summary>Callers queued far beyond what the pacer can grant in a test: it is busy throughout.</summary>
    private static List<ValueTask<RateLimitLease>> Demand(LanguagePacer pacer) => Enumerable.Range(0, 10_000).Select(_ => pacer.AcquireAsync(1)).ToList();

    private static void Advance(FakeTimeProvider clock, TimeSpan by)
    {
        // In fill-sized steps, as real time would pass.
        for (var step = TimeSpan.FromMilliseconds(10); by > TimeSpan.Zero; by -= step)
            clock.Advance(step < by ? step : by);
    }

    [Fact]
    public void Busy_seconds_without_throttling_add_a_fixed_step_up_to_the_resource_rate()
    {
        var clock = new FakeTimeProvider();
        // Share 60, resource 660: the climb of 600 takes 30 busy seconds, 20 a second.
        using var pacer = new LanguagePacer(60, 660, LongestPause, clock);
        var waiting = Demand(pacer);

        Advance(clock, TimeSpan.FromSeconds(10.5));
        // One step per adjustment; adjustments fall on fills, so ten seconds hold nine or ten of them.
        Assert.InRange(pacer.RequestsPerMinute, 60 + 9 * 20, 60 + 10 * 20);

        Advance(clock, TimeSpan.FromSeconds(40));
        Assert.Equal(660, pacer.RequestsPerMinute);
        GC.KeepAlive(waiting);
    }

    [Fact]
    public void A_throttle_halves_the_rate_once_per_second_and_never_below_the_share()
    {
        var clock = new FakeTimeProvider();
        using var pacer = new LanguagePacer(60, 660, LongestPause, clock);
        var waiting = Demand(pacer);
        Advance(clock, TimeSpan.FromSeconds(40));
        Assert.Equal(660, pacer.RequestsPerMinute);

        pacer.OnThrottled(null);
        pacer.OnThrottled(null); // the same overload, answered twice
        Assert.Equal(330, pacer.RequestsPerMinute);

        var rates = new List<double>();
        for (int i = 0; i < 4; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            pacer.OnThrottled(null);
            rates.Add(pacer.RequestsPerMinute);
        }
        Assert.Equal([165, 82.5, 60, 60], rates);
        GC.KeepAlive(waiting);
    }

    [Fact]
    public void Retry_After_stops_every_permit_until_it_has_passed()
    {
        var clock = new FakeTimeProvider();
        using var pacer = new LanguagePacer(600, null, LongestPause, clock);
        Assert.True(pacer.AttemptAcquire().IsAcquired);

        pacer.OnThrottled(TimeSpan.FromSeconds(2));

        for (int i = 0; i < 19; i++)
        {
            Advance(clock, TimeSpan.FromMilliseconds(100));
            Assert.False(pacer.AttemptAcquire().IsAcquired, $"a permit {(i + 1) * 100} ms into a 2 s pause");
        }
        Advance(clock, TimeSpan.FromMilliseconds(250));
        Assert.True(pacer.AttemptAcquire().IsAcquired);
        // Without a resource rate the rate is fixed: throttling pauses it but does not lower it.
        Assert.Equal(600, pacer.RequestsPerMinute);
    }

    [Fact]
    public void A_pause_is_no_longer_than_the_longest_retry_delay()
    {
        var clock = new FakeTimeProvider();
        using var pacer = new LanguagePacer(600, null, TimeSpan.FromSeconds(1), clock);
        while (pacer.AttemptAcquire().IsAcquired) { }

        pacer.OnThrottled(TimeSpan.FromMinutes(5));
        Advance(clock, TimeSpan.FromSeconds(1.2));

        Assert.True(pacer.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public async Task Through_a_global_429_storm_each_instance_waits_out_Retry_After_and_every_article_comes_through()
    {
        var storm = TimeSpan.FromSeconds(1.5);
        TimeSpan? stormFrom = null;
        var warmedUp = new HashSet<string>();
        await using var service = await StartAsync((r, _) =>
        {
            // Warm-up: each instance's first request is throttled for a millisecond, so the code a 429 runs is compiled
            // before the storm and a slow first run cannot pass for a late reaction.
            lock (warmedUp)
            {
                if (warmedUp.Add(r.Headers["Ocp-Apim-Subscription-Key"]))
                    return Error(429, "429", "Rate limit is exceeded.", headers: new Dictionary<string, string> { ["retry-after-ms"] = "1" });
            }
            return r.At >= stormFrom && r.At < stormFrom + storm
                ? Error(429, "429", "Rate limit is exceeded.", headers: new Dictionary<string, string> { ["Retry-After"] = "1" })
                : Ok(r);
        });
        // Three instances of one resource, each adding an article every 50 ms for three seconds.
        var instances = Enumerable.Range(0, 3).Select(i => LanguageClients.Build(service.Endpoint, new Dictionary<string, string?>
        {
            ["Key"] = $"instance-{i}", ["MaxRetries"] = "5", ["RequestsPerMinute"] = "600", ["ResourceRequestsPerMinute"] = "6000",
        })).ToList();
        try
        {
            await Task.WhenAll(instances.Select((provider, i) => provider.Analyzer().AnalyzeAsync([new AnalysisDocument("warm-up", "Warming up in Kyiv.", "en")], CancellationToken.None)));
            // Past the warm-up's pause, so the storm meets instances free to send.
            await Task.Delay(TimeSpan.FromMilliseconds(50));
            var from = service.Requests.Max(r => r.At) + TimeSpan.FromMilliseconds(50);
            stormFrom = from;
            var articles = instances.Select((provider, i) => Task.Run(async () =>
            {
                var analyses = new List<Task<IReadOnlyList<DocumentAnalysis>>>();
                for (int a = 0; a < 60; a++)
                {
                    analyses.Add(provider.Analyzer().AnalyzeAsync([new AnalysisDocument($"{i}-{a}", $"Article {a} of instance {i} from Kyiv.", "en")], CancellationToken.None));
                    await Task.Delay(50);
                }
                return await Task.WhenAll(analyses);
            })).ToList();

            var done = await Task.WhenAll(articles);

            Assert.All(done.SelectMany(d => d), a => Assert.Single(Assert.Single(a).Entities));
            bool InStorm(RecordedRequest r) => r.At >= from && r.At < from + storm;
            var requests = service.Requests.Where(r => r.At >= from).ToList();
            Assert.Contains(requests, InStorm);
            for (int i = 0; i < instances.Count; i++)
            {
                var mine = requests.Where(r => r.Headers["Ocp-Apim-Subscription-Key"] == $"instance-{i}").OrderBy(r => r.At).ToList();
                var throttled = mine.Where(InStorm).ToList();
                // The 429s come in bursts (what was already on its way when the first came back), one per Retry-After: a
                // 1.5 s storm sees at most two, and after each the instance sends nothing until its Retry-After has passed.
                var burstEnds = throttled.Where((r, k) => k == throttled.Count - 1 || throttled[k + 1].At - r.At > TimeSpan.FromMilliseconds(100)).ToList();
                output.WriteLine($"instance {i}: {mine.Count} requests, {throttled.Count} answered 429 in {burstEnds.Count} bursts, pace {instances[i].GetRequiredService<LanguagePacer>().RequestsPerMinute:F0}/min; " +
                                 string.Join(" ", mine.Select(r => $"{(r.At - from).TotalMilliseconds:F0}{(InStorm(r) ? "*" : "")}")));
                Assert.InRange(burstEnds.Count, 0, 2);
                foreach (var end in burstEnds)
                    Assert.True(mine.First(r => r.At > end.At).At - end.At >= TimeSpan.FromMilliseconds(900), $"instance {i} sent again too soon after its 429 at {(end.At - from).TotalMilliseconds:F0} ms");
                Assert.True(instances[i].GetRequiredService<LanguagePacer>().RequestsPerMinute >= 600);
            }
        }
        finally
        {
            foreach (var provider in instances)
                await provider.DisposeAsync();
        }
    }
}
