using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Hosting;
using Pipeline.Summary;
using Pipeline.Analysis;
using Pipeline.Analysis.AzureLanguage;
using Pipeline.Runtime;
using Pipeline.Local.Emulator;
using Pipeline.Testing;

namespace Pipeline.Analysis.AzureLanguage.Tests;

/// <summary>The enrichment cache against a real Azurite table: identical text is analysed and billed once.</summary>
public class AnalysisCacheTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task The_pipeline_wiring_puts_the_cache_in_front_of_Azure_Language_and_a_repeat_sends_nothing()
    {
        await using var emulator = await LanguageEmulator.StartAsync(new LanguageEmulatorOptions { Key = "k" });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [PipelineNames.StorageConnection] = azurite.ConnectionString,
            ["Pipeline:Analyzer"] = "AzureLanguage",
            ["Pipeline:Language:Endpoint"] = emulator.BaseAddress.ToString(),
            ["Pipeline:Language:Key"] = "k",
        }).Build();
        await using var provider = new ServiceCollection().AddLogging().AddPipeline(configuration).AddCachedAzureLanguageAnalyzer(configuration).BuildServiceProvider();
        var analyzer = provider.GetRequiredService<ITextAnalyzer>();
        Assert.IsType<CachingTextAnalyzer>(analyzer);
        string text = $"Run {Guid.NewGuid():N}: the mayor of Rotterdam opened the new bridge over the Maas on Friday, a first for the Netherlands.";

        var first = Assert.Single(await analyzer.AnalyzeAsync([new AnalysisDocument("a", text, null)], CancellationToken.None));
        long requests = emulator.Stats.Requests;
        var second = Assert.Single(await analyzer.AnalyzeAsync([new AnalysisDocument("b", text, null)], CancellationToken.None));

        Assert.Equal(5, requests); // detection + four features
        Assert.Equal(requests, emulator.Stats.Requests);
        Assert.Equal(1, emulator.Stats.Kinds![LanguageKind.EntityLinking].Answered); // the repeat asked for no links either
        // The links come back from the cache with their mentions.
        Assert.Contains(second.Entities, e => e.Canonical?.Source == "iso3166");
        Assert.Equal(5, first.TextRecords);
        Assert.Equal(0, second.TextRecords);
        Assert.Equal("b", second.Id);
        Assert.Equal(first.Entities, second.Entities);
        Assert.Equal(first.Sentences, second.Sentences);
        Assert.Equal(first.KeyPhrases, second.KeyPhrases);
        Assert.Equal(first.Language, second.Language);

        // A language hint is part of the key: the same text with one is a different analysis.
        await analyzer.AnalyzeAsync([new AnalysisDocument("c", text, "en")], CancellationToken.None);
        Assert.Equal(requests + 4, emulator.Stats.Requests);
    }

    [Fact]
    public async Task An_analysis_too_big_for_a_table_property_goes_to_a_blob_and_reads_back_whole()
    {
        var inner = new HugeAnalyzer();
        var cache = new CachingTextAnalyzer(inner, azurite.Storage, NullLogger<CachingTextAnalyzer>.Instance);
        var document = new AnalysisDocument("a", $"Huge {Guid.NewGuid():N}", "en");

        var first = Assert.Single(await cache.AnalyzeAsync([document], CancellationToken.None));
        var second = Assert.Single(await cache.AnalyzeAsync([document], CancellationToken.None));

        Assert.Equal(1, inner.Calls);
        Assert.Equal(first.Entities, second.Entities);
        var blobs = new List<BlobItem>();
        await foreach (var blob in azurite.Storage.Container(PipelineNames.EnrichedContainer).GetBlobsAsync(new GetBlobsOptions { Prefix = "cache/" }))
            blobs.Add(blob);
        Assert.NotEmpty(blobs);
    }

    /// <summary>Thousands of random entity texts: incompressible, so the gzipped analysis passes 64 KB.</summary>
    private sealed class HugeAnalyzer : ITextAnalyzer
    {
        public int Calls;

        public AnalyzerInfo Info { get; } = new("huge", "1");

        public Task<IReadOnlyList<DocumentAnalysis>> AnalyzeAsync(IReadOnlyList<AnalysisDocument> documents, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            var random = new Random(1);
            return Task.FromResult<IReadOnlyList<DocumentAnalysis>>(documents.Select(d => new DocumentAnalysis(d.Id, new DetectedLanguage("en", "English", 1),
                new SentimentResult(SentimentLabel.Neutral, new SentimentScores(0, 1, 0)), [],
                Enumerable.Range(0, 8000).Select(i => new EntityMention(RandomText(random), "Person", null, i, 24, 0.5)).ToList(),
                [], TextRecords: 1)).ToList());
        }

        private static string RandomText(Random random)
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            return Convert.ToBase64String(bytes);
        }
    }
}
