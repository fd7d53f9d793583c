using System.Text.Json;
using Pipeline.Ingestion.Enrichment;
using Pipeline.Runtime;
using Pipeline.Local.Commands;
using Pipeline.Testing;
using Pipeline.Local.Hosting;

namespace Pipeline.IntegrationTests;

/// <summary>The seed corpus through the whole local pipeline: Azurite, the WebJobs trigger host, the offline analyzer.</summary>
public class SeedsEndToEndTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Good_seeds_are_summarised_once_each_and_bad_seeds_are_quarantined_with_their_reasons()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var good = new List<UploadedArticle>();
        foreach (string file in RepositoryFiles.GoodSeedFiles())
            good.Add(await pipeline.UploadFileAsync(file));
        var bad = new List<UploadedArticle>();
        foreach (string file in Directory.GetFiles(RepositoryFiles.BadSeeds))
            bad.Add(await pipeline.UploadFileAsync(file, "bad/" + Path.GetFileName(file)));

        var results = await pipeline.SettleAsync([.. good, .. bad]);

        Assert.All(results.Take(good.Count), r => Assert.Equal(ArticleState.Summarised, r.State));
        var reasons = results.Skip(good.Count).ToDictionary(r => Path.GetFileName(r.Article.Name), r => (r.State, r.Detail));
        Assert.Equal(new Dictionary<string, (ArticleState, string?)>
        {
            ["empty.txt"] = (ArticleState.Quarantined, "Empty"),
            ["whitespace-only.md"] = (ArticleState.Quarantined, "Empty"),
            ["invalid-utf8.txt"] = (ArticleState.Quarantined, "Undecodable"),
            ["binary-image.txt"] = (ArticleState.Quarantined, "Binary"),
            ["malformed.json"] = (ArticleState.Quarantined, "MalformedJson"),
            ["json-array.json"] = (ArticleState.Quarantined, "MalformedJson"),
            ["no-body.json"] = (ArticleState.Quarantined, "MissingBody"),
            ["no-text.html"] = (ArticleState.Quarantined, "NoText"),
            ["unsupported-format.pdf"] = (ArticleState.Quarantined, "UnsupportedFormat"),
        }, reasons);

        // The summary counts each good seed once; what dashboards read is valid against its schema.
        var summary = await Eventually.ReturnsAsync(pipeline.SummaryAsync, s => s?.ArticleCount == good.Count, TimeSpan.FromSeconds(20), "the summary to count every seed");
        var sentiment = summary!.Sentiment;
        Assert.Equal(good.Count, sentiment.Positive + sentiment.Neutral + sentiment.Negative + sentiment.Mixed);
        Assert.Equal(good.Count, summary.Hourly[^1].Articles + summary.Hourly[^2].Articles);
        Assert.Contains(summary.TopEntities["Location"], e => e.Text == "Europe" && e.Articles >= 3);
        Assert.Contains(summary.TopEntities["Organization"], e => e.Text == "European Commission");
        var latest = await azurite.Storage.Container(PipelineNames.SummariesContainer).GetBlobClient(PipelineNames.LatestSummaryBlob).DownloadContentAsync();
        SchemaAssert.ValidSummary(latest.Value.Content.ToString());

        // Every enriched document is kept in enriched/ and matches the contract.
        foreach (var upload in good)
        {
            var blob = await azurite.Storage.Container(PipelineNames.EnrichedContainer).GetBlobClient(EnrichedArticleMessage.BlobName(upload.ArticleId)).DownloadContentAsync();
            SchemaAssert.ValidEnrichedArticle(blob.Value.Content.ToString());
        }
        var sample = (await azurite.Storage.Container(PipelineNames.EnrichedContainer)
            .GetBlobClient(EnrichedArticleMessage.BlobName(ArticleIdentity.ArticleId("articles", "us-ukraine-security-guarantees.txt"))).DownloadContentAsync())
            .Value.Content.ToObjectFromJson(PipelineJson.Default.EnrichedArticle)!;
        Assert.Contains(sample.Entities, e => e.Text == "NATO" && e.Category == "Organization");
        Assert.Equal(good.Single(g => g.Name == "us-ukraine-security-guarantees.txt").ETag.ToString(), sample.Source.ETag);

        // A quarantined file is copied whole next to its reason.
        var quarantine = azurite.Storage.Container(PipelineNames.QuarantineContainer);
        var copy = await Eventually.ReturnsAsync(async () => (await quarantine.GetBlobClient("bad/binary-image.txt").GetPropertiesAsync()).Value,
            p => p.CopyStatus == Azure.Storage.Blobs.Models.CopyStatus.Success, TimeSpan.FromSeconds(10), "the quarantine copy");
        Assert.Equal(new FileInfo(Path.Combine(RepositoryFiles.BadSeeds, "binary-image.txt")).Length, copy.ContentLength);
        using var error = JsonDocument.Parse((await quarantine.GetBlobClient("bad/binary-image.txt.error.json").DownloadContentAsync()).Value.Content.ToString());
        Assert.Equal("Binary", error.RootElement.GetProperty("reason").GetString());
        Assert.Contains("NUL bytes", error.RootElement.GetProperty("message").GetString());
        Assert.True(error.RootElement.TryGetProperty("quarantinedAt", out _));

        // Nothing was retried into the poison queues.
        Assert.Equal(0, (await azurite.Storage.Queue(PipelineNames.EnrichedPoisonQueue).GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Equal(0, (await azurite.Storage.Queue(PipelineNames.BlobPoisonQueue).GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }
}
