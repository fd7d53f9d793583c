using Azure;
using Azure.Storage.Blobs.Models;
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

/// <summary>
/// A blob-trigger message carries the ETag its writer read: List Blobs gives it bare (the local scanner's announcements, the
/// host's polling), blob headers quoted. Both name the same version.
/// </summary>
public class ListedETagPoisonTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_failure_named_by_the_listed_etag_is_replayed_not_dropped_as_changed()
    {
        var articles = azurite.Storage.Container(PipelineNames.ArticlesContainer);
        var blob = articles.GetBlobClient("listed/blob.txt");
        var uploaded = (await blob.UploadAsync(BinaryData.FromString("Port reopens\n\nThe port of Rotterdam reopened on Monday after the storm."), overwrite: true)).Value.ETag;
        var listed = await articles.GetBlobsAsync(new GetBlobsOptions { Prefix = "listed/" }).Select(b => b.Properties.ETag!.Value).SingleAsync();
        Assert.Equal(uploaded.ToString().Trim('"'), listed.ToString());
        await azurite.Storage.Queue(PipelineNames.BlobPoisonQueue).SendMessageAsync(TestMessages.BlobTrigger("listed/blob.txt", listed.ToString()));

        var replay = await Cli.RunAsync(ReplayCommand.Create(), "--poison", "--storage", azurite.ConnectionString);

        Assert.Contains($"replayed         {PipelineNames.BlobPoisonQueue}: listed/blob.txt", replay.Output);
        Assert.NotEqual(uploaded, (await blob.GetPropertiesAsync()).Value.ETag);
    }
}

/// <summary>
/// The local scanner on taking over skips a blob version its trigger gave up on (it waits in poison for an operator), but
/// not a newer version of the same blob: that one the pipeline has never seen.
/// </summary>
public class PoisonedVersionScanTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_blob_rewritten_after_its_trigger_gave_up_is_announced_at_its_new_version_and_the_failed_one_is_not()
    {
        await azurite.Storage.EnsureCreatedAsync(CancellationToken.None);
        var articles = azurite.Storage.Container(PipelineNames.ArticlesContainer);
        var poison = azurite.Storage.Queue(PipelineNames.BlobPoisonQueue);
        async Task<ETag> UploadListedAsync(string name, string text)
        {
            await articles.GetBlobClient(name).UploadAsync(BinaryData.FromString(text), overwrite: true);
            return await articles.GetBlobsAsync(new GetBlobsOptions { Prefix = name }).Select(b => b.Properties.ETag!.Value).SingleAsync();
        }
        var failed = await UploadListedAsync("scan/failed.txt", "Dam inspected\n\nEngineers inspected the dam at Kariba on Tuesday, Zambia's water authority said.");
        var older = await UploadListedAsync("scan/rewritten.txt", "Ferry delayed\n\nThe ferry from Dover to Calais was delayed by fog, the operator said.");
        await poison.SendMessageAsync(TestMessages.BlobTrigger("scan/failed.txt", failed.ToString()));
        await poison.SendMessageAsync(TestMessages.BlobTrigger("scan/rewritten.txt", older.ToString()));
        var current = (await articles.GetBlobClient("scan/rewritten.txt").UploadAsync(
            BinaryData.FromString("Ferry sails\n\nThe ferry from Dover to Calais sailed on time on Wednesday, the operator said."), overwrite: true)).Value.ETag;

        await using var pipeline = await PipelineHarness.StartAsync(azurite);

        var heads = new ArticleRecordStore(azurite.Storage);
        var head = await Eventually.ReturnsAsync(() => heads.GetHeadAsync(ArticleIdentity.ArticleId(PipelineNames.ArticlesContainer, "scan/rewritten.txt"), CancellationToken.None),
            h => h?.IsSummarised == true, TimeSpan.FromSeconds(30), "the rewritten blob to be summarised");
        Assert.Equal(current.ToString(), head!.CurrentETag);
        Assert.Null(await heads.GetHeadAsync(ArticleIdentity.ArticleId(PipelineNames.ArticlesContainer, "scan/failed.txt"), CancellationToken.None));
        Assert.Equal(2, (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount);
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
