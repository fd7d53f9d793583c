using Microsoft.Extensions.DependencyInjection;
using Pipeline.Local.Commands;
using Pipeline.Local.Hosting;
using Pipeline.Runtime;
using Pipeline.Summary;
using Pipeline.Testing;

namespace Pipeline.Operations.Tests;

/// <summary>replay --poison: enriched messages move back to their queue exactly once.</summary>
public class EnrichedPoisonReplayTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Poisoned_enriched_messages_move_back_once_and_are_summarised_once()
    {
        var poison = azurite.Storage.Queue(PipelineNames.EnrichedPoisonQueue);
        var articles = new[]
        {
            await TestMessages.EnrichAsync(azurite, "poison/one.txt", "Bridge opens\n\nA new bridge over the Danube opened in Novi Sad, officials in Serbia said."),
            await TestMessages.EnrichAsync(azurite, "poison/two.txt", "Rains return\n\nHeavy rains returned to Kerala, the weather office in India said on Tuesday."),
        };
        foreach (var article in articles)
            await poison.SendMessageAsync(BinaryData.FromObjectAsJson(article, PipelineJson.SerializerOptions));

        // No host yet: what the replay moved stays countable in the queue.
        var replay = await Cli.RunAsync(ReplayCommand.Create(), "--poison", "--storage", azurite.ConnectionString);
        var again = await Cli.RunAsync(ReplayCommand.Create(), "--poison", "--storage", azurite.ConnectionString);

        Assert.Equal(0, replay.ExitCode);
        foreach (var article in articles)
            Assert.Contains($"replayed         {PipelineNames.EnrichedPoisonQueue}: {article.ArticleId}", replay.Output);
        Assert.Contains("replayed: 2", replay.Output);
        Assert.Equal("Nothing to replay.", again.Output.Trim());
        Assert.Equal(2, (await azurite.Storage.Queue(PipelineNames.EnrichedQueue).GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Equal(0, (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount);

        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var summary = await Eventually.ReturnsAsync(pipeline.SummaryAsync, s => s?.ArticleCount == 2, TimeSpan.FromSeconds(30), "both replayed articles to be counted");
        Assert.Equal(articles.Select(a => a.ArticleId).Order(), summary!.LatestArticles.Select(a => a.ArticleId).Order());
    }
}

/// <summary>replay --poison: a blob whose trigger gave up is re-triggered once, by a rewrite that gives it a new ETag (own Azurite: see <see cref="QuarantineReplayScenario"/>).</summary>
public class BlobPoisonReplayTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_failed_blob_is_rewritten_once_with_its_own_content_and_a_stale_failure_is_dropped()
    {
        var articles = azurite.Storage.Container(PipelineNames.ArticlesContainer);
        var blob = articles.GetBlobClient("poison/blob.txt");
        var content = "Market rallies\n\nShares in Frankfurt rallied on Friday as investors welcomed the European Central Bank decision.";
        var failed = (await blob.UploadAsync(BinaryData.FromString(content), overwrite: true)).Value.ETag;
        var queue = azurite.Storage.Queue(PipelineNames.BlobPoisonQueue);
        await queue.SendMessageAsync(TestMessages.BlobTrigger("poison/blob.txt", failed.ToString()));
        await queue.SendMessageAsync(TestMessages.BlobTrigger("poison/blob.txt", "\"0x8DD0000000000000\""));

        var replay = await Cli.RunAsync(ReplayCommand.Create(), "--poison", "--storage", azurite.ConnectionString);
        var again = await Cli.RunAsync(ReplayCommand.Create(), "--poison", "--storage", azurite.ConnectionString);

        Assert.Contains($"replayed         {PipelineNames.BlobPoisonQueue}: poison/blob.txt", replay.Output);
        Assert.Contains($"obsolete         {PipelineNames.BlobPoisonQueue}: poison/blob.txt", replay.Output);
        Assert.Equal("Nothing to replay.", again.Output.Trim());
        var rewritten = (await blob.GetPropertiesAsync()).Value;
        Assert.NotEqual(failed, rewritten.ETag);
        Assert.True(rewritten.Metadata.ContainsKey("replayof"));
        Assert.Equal(content, (await blob.DownloadContentAsync()).Value.Content.ToString());
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);

        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        string id = ArticleIdentity.ArticleId(PipelineNames.ArticlesContainer, "poison/blob.txt");
        await Eventually.ReturnsAsync(() => new ArticleRecordStore(azurite.Storage).GetHeadAsync(id, CancellationToken.None),
            h => h?.IsSummarised == true, TimeSpan.FromSeconds(30), "the re-triggered blob to be summarised");
    }
}

/// <summary>replay --poison: a deletion event that failed is handled again, once, and one that is not an event stays put.</summary>
public class DeletedPoisonReplayTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_poisoned_deletion_is_replayed_and_retracts_the_article_once()
    {
        var (upload, blob) = await TestMessages.SummarisedThenDeletedAsync(azurite, "poison/withdrawn.txt", "Minister resigns\n\nThe transport minister of Chile resigned in Santiago on Monday.");
        var poison = azurite.Storage.Queue(PipelineNames.DeletedPoisonQueue);
        await poison.SendMessageAsync(BlobDeletedEvents.Create(blob.Uri, "tests"));
        await poison.SendMessageAsync(BinaryData.FromString("""{"not":"an event"}"""));
        // The same event as plain JSON, not Base64: what Event Grid's queue destination has been reported to write.
        await azurite.Storage.UndecodedQueue(PipelineNames.DeletedPoisonQueue).SendMessageAsync(BlobDeletedEvents.Create(blob.Uri, "tests").ToString());

        var replay = await Cli.RunAsync(ReplayCommand.Create(), "--poison", "--storage", azurite.ConnectionString);

        Assert.Equal(0, replay.ExitCode);
        Assert.Equal(2, replay.Output.Split('\n').Count(line => line.StartsWith($"replayed         {PipelineNames.DeletedPoisonQueue}: {upload.ArticleId}", StringComparison.Ordinal)));
        Assert.Contains($"unreplayable     {PipelineNames.DeletedPoisonQueue}:", replay.Output);
        Assert.Contains("replayed: 2, unreplayable: 1", replay.Output);
        Assert.Equal(2, (await azurite.Storage.Queue(PipelineNames.DeletedQueue).GetPropertiesAsync()).Value.ApproximateMessagesCount);

        // The restarted host also finds the blob gone on its own: three announcements, one retraction.
        var summary = await TestMessages.SummaryAfterDeletionsAsync(azurite);
        Assert.Equal((0, 1), (summary.ArticleCount, summary.RetractedCount));
        Assert.Equal(1, (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }
}
