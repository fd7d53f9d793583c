using System.Diagnostics;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Pipeline.Runtime;
using System.Text.Json;
using Pipeline.Operations;
using Pipeline.Operations.Dashboard;
using Pipeline.Summary;
using Pipeline.Testing;
using Xunit.Abstractions;

namespace Pipeline.Dashboard.Tests;

/// <summary>
/// Measures GET /api/entities/{id} in-process on a state folded from 5,000 generated articles (reported, not asserted:
/// wall clock depends on the machine). Run with <c>--logger "console;verbosity=detailed"</c> to see the numbers.
/// </summary>
public class EntityLatencyTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task The_entity_endpoint_answers_from_memory_on_a_state_of_5000_articles()
    {
        var now = DateTimeOffset.UtcNow;
        var aggregator = new SummaryAggregator(new SummaryOptions());
        var fold = Stopwatch.StartNew();
        var state = GeneratedContributions.Fold(aggregator, 5_000, now);
        fold.Stop();
        var store = new SummaryStore(azurite.Storage);
        await ReplaceStateAsync(store, state);
        int stateBytes = JsonSerializer.SerializeToUtf8Bytes(state, SummaryJson.Default.SummaryState).Length;
        var api = new DashboardApi(azurite.Storage, new PipelineInspector(azurite.Storage), new ArticleRecordStore(azurite.Storage), store, aggregator);

        string busiest = state.Entities.Values.MaxBy(e => e.Articles)!.Id!;
        var cold = Stopwatch.StartNew();
        var first = await api.GetEntityAsync(busiest, null, null, CancellationToken.None);
        cold.Stop();
        Assert.Equal(200, first.StatusCode);

        var ids = state.Entities.Values.Select(e => e.Id!).OrderBy(id => id, StringComparer.Ordinal).ToArray();
        var times = new List<double>();
        for (int i = 0; i < 300; i++)
        {
            string id = i % 3 == 0 ? busiest : ids[i * 7 % ids.Length];
            long start = Stopwatch.GetTimestamp();
            var response = await api.GetEntityAsync(id, null, null, CancellationToken.None);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            Assert.Equal(200, response.StatusCode);
        }
        var searches = new List<double>();
        foreach (string q in new[] { "entity 1", "e2", "ity 99", "", "entity 2999" })
        {
            long start = Stopwatch.GetTimestamp();
            Assert.Equal(200, (await api.SearchEntitiesAsync(q, null, null, null, CancellationToken.None)).StatusCode);
            searches.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        times.Sort();
        int Size<T>(Func<EntityAggregate, T> part) => state.Entities.Values.Sum(e => JsonSerializer.Serialize(part(e)).Length);
        output.WriteLine($"per-entity parts: hours {Size(e => e.Hours) / 1024} KiB, recent {Size(e => e.Recent) / 1024} KiB, related {Size(e => e.Related) / 1024} KiB, aliases {Size(e => e.Aliases) / 1024} KiB");
        output.WriteLine($"5,000 articles, {state.Entities.Count} entities, state.json {stateBytes / 1024.0:F0} KiB, folded in memory in {fold.ElapsedMilliseconds} ms");
        output.WriteLine($"GET /api/entities/{{id}}: first (download + index) {cold.Elapsed.TotalMilliseconds:F1} ms; then p50 {times[times.Count / 2]:F2} ms, p95 {times[(int)(times.Count * 0.95)]:F2} ms, max {times[^1]:F2} ms (each includes the conditional state read from Azurite)");
        output.WriteLine($"GET /api/entities?q=: {string.Join(", ", searches.Select(s => s.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))} ms (the first builds the search index)");

        // A fold, then 20 pages asking at once: the request that finds the new state reads and indexes it, the others answer at once.
        var read = Stopwatch.StartNew();
        var written = await store.ReadStateAsync(CancellationToken.None);
        output.WriteLine($"state.json download and parse alone: {read.Elapsed.TotalMilliseconds:F1} ms");
        written.State.Version++;
        Assert.NotNull(await store.TryReplaceStateAsync(written.State, written.ETag, CancellationToken.None));
        var afterFold = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            long start = Stopwatch.GetTimestamp();
            var response = await api.GetEntityAsync(busiest, null, null, CancellationToken.None);
            return (i, Stopwatch.GetElapsedTime(start).TotalMilliseconds, StateVersion(response));
        }));
        var others = afterFold.Skip(1).Select(a => a.Item2).Order().ToList();
        output.WriteLine($"after a fold, 20 requests at once: the one that found the new state {afterFold[0].Item2:F1} ms; the other 19 p50 {others[others.Count / 2]:F2} ms, max {others[^1]:F2} ms");
    }

    [Fact]
    public async Task Requests_arriving_while_another_reads_a_new_state_answer_from_the_index_confirmed_moments_ago()
    {
        // The API's blob client holds back reads of state.json while asked to, so "while another reads" is not a race.
        var held = new HeldStateReads();
        var blobOptions = new BlobClientOptions();
        blobOptions.AddPolicy(held, HttpPipelinePosition.PerCall);
        var storage = new PipelineStorage(new BlobServiceClient(azurite.ConnectionString, blobOptions), azurite.Storage.Queues, azurite.Storage.UndecodedQueues, azurite.Storage.Tables);
        var aggregator = new SummaryAggregator(new SummaryOptions());
        var state = GeneratedContributions.Fold(aggregator, 200, DateTimeOffset.UtcNow);
        var store = new SummaryStore(storage);
        await ReplaceStateAsync(store, state);
        // The bound is long here so that a slow machine cannot outlast it between the two requests.
        var api = new DashboardApi(storage, new PipelineInspector(storage), new ArticleRecordStore(storage), store, aggregator) { AnswerWhileRefreshing = TimeSpan.FromMinutes(5) };
        string busiest = state.Entities.Values.MaxBy(e => e.Articles)!.Id!;
        long before = StateVersion(await api.GetEntityAsync(busiest, null, null, CancellationToken.None));

        state.Version++; // a fold
        await ReplaceStateAsync(store, state);
        held.Hold();
        var finding = api.GetEntityAsync(busiest, null, null, CancellationToken.None); // its conditional read finds the new state
        var during = await api.GetEntityAsync(busiest, null, null, CancellationToken.None);
        Assert.Equal(before, StateVersion(during));
        Assert.False(finding.IsCompleted);
        held.Release();
        Assert.Equal(before + 1, StateVersion(await finding));
        Assert.Equal(before + 1, StateVersion(await api.GetEntityAsync(busiest, null, null, CancellationToken.None)));

        // An index confirmed longer ago than the bound is not answered from: the request waits for the read under way.
        api.AnswerWhileRefreshing = TimeSpan.Zero;
        state.Version++;
        await ReplaceStateAsync(store, state);
        held.Hold();
        finding = api.GetEntityAsync(busiest, null, null, CancellationToken.None);
        var waiting = api.GetEntityAsync(busiest, null, null, CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        held.Release();
        Assert.Equal((before + 2, before + 2), (StateVersion(await waiting), StateVersion(await finding)));
    }

    /// <summary>Holds GETs of <c>summaries/state.json</c> between <see cref="Hold"/> and <see cref="Release"/>.</summary>
    private sealed class HeldStateReads : HttpPipelinePolicy
    {
        private volatile TaskCompletionSource? _gate;

        public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _gate?.TrySetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (message.Request.Method == RequestMethod.Get && message.Request.Uri.Path.EndsWith("/" + PipelineNames.SummaryStateBlob, StringComparison.Ordinal) && _gate is { } gate)
                await gate.Task.ConfigureAwait(false);
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Writes <paramref name="state"/> over whatever the other test in this class left in the shared Azurite.</summary>
    private static async Task<Azure.ETag> ReplaceStateAsync(SummaryStore store, SummaryState state)
    {
        var (_, current) = await store.ReadStateAsync(CancellationToken.None);
        return await store.TryReplaceStateAsync(state, current, CancellationToken.None) ?? throw new InvalidOperationException("The state changed while it was written.");
    }

    private static long StateVersion(ApiResponse response)
    {
        Assert.Equal(200, response.StatusCode);
        using var body = JsonDocument.Parse(response.Body);
        return body.RootElement.GetProperty("stateVersion").GetInt64();
    }
}
