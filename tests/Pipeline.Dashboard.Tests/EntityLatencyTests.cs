using System.Diagnostics;
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
        Assert.NotNull(await store.TryReplaceStateAsync(state, null, CancellationToken.None));
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
    }
}
