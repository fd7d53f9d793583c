using System.Diagnostics;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
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
        var api = new DashboardApi(azurite.Storage, new PipelineInspector(azurite.Storage), new ArticleRecordStore(azurite.Storage), store, aggregator, NullLogger<DashboardApi>.Instance);

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
        output.WriteLine($"GET /api/entities/{{id}}: first (download + index) {cold.Elapsed.TotalMilliseconds:F1} ms; then p50 {times[times.Count / 2]:F2} ms, p95 {times[(int)(times.Count * 0.95)]:F2} ms, max {times[^1]:F2} ms (the conditional state read each starts runs in the background)");
        output.WriteLine($"GET /api/entities?q=: {string.Join(", ", searches.Select(s => s.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))} ms (the first builds the search index)");

        var read = Stopwatch.StartNew();
        var (written, etag) = await store.ReadStateAsync(CancellationToken.None);
        output.WriteLine($"state.json download and parse alone: {read.Elapsed.TotalMilliseconds:F1} ms");

        // Folds while pages keep asking, 20 at a time: every request answers from the index the API has while the new
        // state is read in the background, until one answers from the new state.
        var whileFolding = new List<double>();
        var caughtUp = new List<double>();
        for (int round = 0; round < 5; round++)
        {
            written.Version++;
            etag = await store.TryReplaceStateAsync(written, etag, CancellationToken.None);
            long folded = Stopwatch.GetTimestamp();
            long answered;
            do
            {
                var batch = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
                {
                    long start = Stopwatch.GetTimestamp();
                    long version = StateVersion(await api.GetEntityAsync(i % 2 == 0 ? busiest : ids[(round * 20 + i) % ids.Length], null, null, CancellationToken.None));
                    return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, version);
                }));
                whileFolding.AddRange(batch.Select(b => b.TotalMilliseconds));
                answered = batch.Max(b => b.version);
                await Task.Delay(20); // the pages' pace, not a wait for a condition: the loop's own test is the version
            }
            while (answered < written.Version && Stopwatch.GetElapsedTime(folded) < TimeSpan.FromSeconds(30));
            Assert.Equal(written.Version, answered);
            caughtUp.Add(Stopwatch.GetElapsedTime(folded).TotalMilliseconds);
        }
        whileFolding.Sort();
        output.WriteLine($"5 folds, pages asking 20 at a time until the new state answers: {whileFolding.Count} requests, p50 {whileFolding[whileFolding.Count / 2]:F2} ms, " +
                         $"p95 {whileFolding[(int)(whileFolding.Count * 0.95)]:F2} ms, p99 {whileFolding[(int)(whileFolding.Count * 0.99)]:F2} ms, max {whileFolding[^1]:F2} ms; the new state answered {caughtUp.Min():F0}–{caughtUp.Max():F0} ms after its fold");
    }

    [Fact]
    public async Task After_a_fold_requests_answer_at_once_from_the_index_they_have_while_the_new_state_is_read_in_the_background()
    {
        var aggregator = new SummaryAggregator(new SummaryOptions());
        var logger = new FakeLogger<DashboardApi>();
        // Each API's blob client holds back reads of state.json while asked to, so "while it is read" is not a race. Every
        // request starts a background read, so an API that has answered requests may have one under way: the sections that
        // count held reads from a quiet start take an API and a gate of their own.
        (DashboardApi Api, HeldStateReads Held) HeldApi()
        {
            var held = new HeldStateReads();
            var blobOptions = new BlobClientOptions();
            blobOptions.AddPolicy(held, HttpPipelinePosition.PerCall);
            var storage = new PipelineStorage(new BlobServiceClient(azurite.ConnectionString, blobOptions), azurite.Storage.Queues, azurite.Storage.UndecodedQueues, azurite.Storage.Tables);
            return (new DashboardApi(storage, new PipelineInspector(storage), new ArticleRecordStore(storage), new SummaryStore(storage), aggregator, logger), held);
        }
        var state = GeneratedContributions.Fold(aggregator, 200, DateTimeOffset.UtcNow);
        var folds = new SummaryStore(azurite.Storage); // the fold writes past the held reads
        string busiest = state.Entities.Values.MaxBy(e => e.Articles)!.Id!;
        var (newcomerKey, newcomer) = state.Entities.First(e => e.Value.Id != busiest);
        var (latecomerKey, latecomer) = state.Entities.First(e => e.Value.Id != busiest && e.Key != newcomerKey);
        state.Entities.Remove(newcomerKey);
        state.Entities.Remove(latecomerKey);
        await ReplaceStateAsync(folds, state);
        var (api, held) = HeldApi();
        long before = StateVersion(await api.GetEntityAsync(busiest, null, null, CancellationToken.None));

        // A fold: the next requests answer from the index they have, without waiting for the read they started.
        state.Version++;
        await ReplaceStateAsync(folds, state);
        held.Hold();
        Assert.Equal(before, StateVersion(await api.GetEntityAsync(busiest, null, null, CancellationToken.None)));
        Assert.Equal(before, StateVersion(await api.GetEntityAsync(busiest, null, null, CancellationToken.None)));
        // The second request joined the first one's read (held, so not finished) instead of starting another.
        await Eventually.ReturnsAsync(() => Task.FromResult(held.Waiting), w => w == 1, TimeSpan.FromSeconds(10), "the state read to start");
        held.Release();
        await Eventually.ReturnsAsync(async () => StateVersion(await api.GetEntityAsync(busiest, null, null, CancellationToken.None)), v => v == before + 1,
            TimeSpan.FromSeconds(10), "the new state to answer");

        // An entity the index does not know yet is not answered 404 from it: that request waits for the current state.
        state.Version++;
        state.Entities[newcomerKey] = newcomer;
        await ReplaceStateAsync(folds, state);
        held.Hold();
        var asking = api.GetEntityAsync(newcomer.Id!, null, null, CancellationToken.None);
        await Eventually.ReturnsAsync(() => Task.FromResult(held.Waiting), w => w == 1, TimeSpan.FromSeconds(10), "the state read to start");
        Assert.False(asking.IsCompleted);
        held.Release();
        Assert.Equal(before + 2, StateVersion(await asking));
        Assert.Equal(404, (await api.GetEntityAsync("location:nowhere", null, null, CancellationToken.None)).StatusCode);

        // Nor from a read that was sent before the fold and is still under way when the request arrives: that read's answer
        // (304, nothing new) is not the current state, so the request reads again.
        held.HoldAnswers();
        Assert.Equal(before + 2, StateVersion(await api.GetEntityAsync(busiest, null, null, CancellationToken.None)));
        await Eventually.ReturnsAsync(() => Task.FromResult(held.Waiting), w => w == 1, TimeSpan.FromSeconds(10), "the read sent before the fold to be answered");
        state.Version++;
        state.Entities[latecomerKey] = latecomer;
        await ReplaceStateAsync(folds, state);
        asking = api.GetEntityAsync(latecomer.Id!, null, null, CancellationToken.None);
        held.Release();
        Assert.Equal(before + 3, StateVersion(await asking));

        // A background read that fails leaves the answers on the index the API has, and is logged; the next request reads again.
        state.Version++;
        await ReplaceStateAsync(folds, state);
        held.Fail();
        Assert.Equal(before + 3, StateVersion(await api.GetEntityAsync(busiest, null, null, CancellationToken.None)));
        await Eventually.ReturnsAsync(() => Task.FromResult(logger.Collector.GetSnapshot().Count(r => r.Id.Id == 1500)), n => n == 1, TimeSpan.FromSeconds(10), "the failed read to be logged");
        held.Release();
        await Eventually.ReturnsAsync(async () => StateVersion(await api.GetEntityAsync(busiest, null, null, CancellationToken.None)), v => v == before + 4,
            TimeSpan.FromSeconds(10), "the new state to answer");

        // An index storage has not confirmed current within ServeStaleFor is not answered from: the request waits for the read.
        var (strict, strictHeld) = HeldApi();
        strict.ServeStaleFor = TimeSpan.Zero;
        Assert.Equal(before + 4, StateVersion(await strict.GetEntityAsync(busiest, null, null, CancellationToken.None)));
        state.Version++;
        await ReplaceStateAsync(folds, state);
        strictHeld.Hold();
        var waiting = strict.GetEntityAsync(busiest, null, null, CancellationToken.None);
        await Eventually.ReturnsAsync(() => Task.FromResult(strictHeld.Waiting), w => w == 1, TimeSpan.FromSeconds(10), "the state read to start");
        Assert.False(waiting.IsCompleted);
        strictHeld.Release();
        Assert.Equal(before + 5, StateVersion(await waiting));

        // A dashboard reads the summary first: on an API that has no index yet that starts the state read.
        await folds.WriteLatestAsync(aggregator.Render(state, state.UpdatedAt), CancellationToken.None);
        var (started, startedHeld) = HeldApi();
        startedHeld.Hold();
        Assert.Equal(200, (await started.GetSummaryAsync(null, CancellationToken.None)).StatusCode);
        await Eventually.ReturnsAsync(() => Task.FromResult(startedHeld.Waiting), w => w == 1, TimeSpan.FromSeconds(10), "the summary read to start the state read");
        startedHeld.Release();
        Assert.Equal(before + 5, StateVersion(await started.GetEntityAsync(busiest, null, null, CancellationToken.None)));
    }

    /// <summary>
    /// Holds GETs of <c>summaries/state.json</c> between <see cref="Hold"/> and <see cref="Release"/> before they are sent (or,
    /// after <see cref="HoldAnswers"/>, once storage has answered them), or answers them 503 after <see cref="Fail"/>.
    /// </summary>
    private sealed class HeldStateReads : HttpPipelinePolicy
    {
        private volatile TaskCompletionSource? _gate;
        private volatile bool _fail;
        private volatile bool _holdAnswers;
        private int _waiting;

        /// <summary>Reads held now.</summary>
        public int Waiting => Volatile.Read(ref _waiting);

        public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void HoldAnswers()
        {
            _holdAnswers = true;
            Hold();
        }

        public void Fail() => _fail = true;

        public void Release()
        {
            _fail = false;
            _holdAnswers = false;
            _gate?.TrySetResult();
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (message.Request.Method == RequestMethod.Get && message.Request.Uri.Path.EndsWith("/" + PipelineNames.SummaryStateBlob, StringComparison.Ordinal))
            {
                if (_fail)
                    throw new RequestFailedException(503, "The state read failed (test).");
                if (!_holdAnswers)
                    await WaitAtGateAsync().ConfigureAwait(false);
                await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
                if (_holdAnswers)
                    await WaitAtGateAsync().ConfigureAwait(false);
                return;
            }
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }

        private async Task WaitAtGateAsync()
        {
            if (_gate is not { } gate) return;
            Interlocked.Increment(ref _waiting);
            await gate.Task.ConfigureAwait(false);
            Interlocked.Decrement(ref _waiting);
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
