using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Runtime;
using Pipeline.Summary;
using Pipeline.Local.Emulator;
using Pipeline.Local.Hosting;
using Pipeline.Testing;
using Xunit.Abstractions;

namespace Pipeline.Analysis.AzureLanguage.Tests;

/// <summary>The seeds through the whole local pipeline with the Azure analyzer against a flaky emulated service.</summary>
public class SeedRunTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Every_good_seed_is_summarised_exactly_once_through_30_percent_429s_and_10_percent_503s_with_US_and_United_States_one_entity()
    {
        await using var emulator = await LanguageEmulator.StartAsync(new LanguageEmulatorOptions
        {
            Key = "k", ThrottleRate = 0.3, UnavailableRate = 0.1, RetryAfter = TimeSpan.FromMilliseconds(100), Seed = 3,
        });
        long retries = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == PipelineTelemetry.Name && instrument.Name == "pipeline.analyzer.retries") l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref retries, value));
        listener.Start();

        using var host = LocalHost.Build(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["Pipeline:Analyzer"] = "AzureLanguage",
            ["Pipeline:Language:Endpoint"] = emulator.BaseAddress.ToString(),
            ["Pipeline:Language:Key"] = "k",
            ["Pipeline:Language:RetryBaseDelay"] = "00:00:00.050",
        });
        await host.StartAsync();
        try
        {
            var tracker = new ArticleTracker(azurite.Storage);
            var seeds = RepositoryFiles.GoodSeedFiles();
            var uploads = new List<UploadedArticle>();
            foreach (string file in seeds)
            {
                await using var stream = File.OpenRead(file);
                uploads.Add(await tracker.UploadAsync(Path.GetFileName(file), stream, CancellationToken.None));
            }

            var states = await Eventually.ReturnsAsync(() => tracker.CheckAsync(uploads, CancellationToken.None),
                s => s.All(a => a.State != ArticleState.InFlight), TimeSpan.FromSeconds(60), "every seed to settle");
            Assert.All(states, s => Assert.Equal(ArticleState.Summarised, s.State));
            var store = host.Services.GetRequiredService<SummaryStore>();
            var summary = await Eventually.ReturnsAsync(() => store.ReadLatestAsync(CancellationToken.None),
                s => s?.ArticleCount == seeds.Count, TimeSpan.FromSeconds(30), "the summary to count every seed");
            Assert.Equal(seeds.Count, summary!.ArticleCount);

            var stats = emulator.Stats;
            output.WriteLine($"{seeds.Count} seeds: {stats.Requests} requests ({stats.Throttled} 429, {stats.Unavailable} 503), {stats.TextRecords} text records billed, {Interlocked.Read(ref retries)} retries.");
            Assert.True(stats.Throttled > 0 && stats.Unavailable > 0, "faults were injected");
            Assert.True(Interlocked.Read(ref retries) > 0, "the client retried");

            // The emulator's EntityLinking links both spellings to its country table, and the canonicalizer gives a name the
            // table lists its ISO id over the analyzer's link: one entity, whichever way it is written.
            Assert.True(stats.Kinds![LanguageKind.EntityLinking].Answered > 0, "EntityLinking was asked for");
            var unitedStates = Assert.Single(summary.TopEntities["Location"], e => e.Aliases?.Contains("United States", StringComparer.OrdinalIgnoreCase) == true);
            Assert.Equal("iso3166:US", unitedStates.Id);
            Assert.Contains("US", unitedStates.Aliases!);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
