using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Pipeline.Summary;
using Pipeline.Local.Commands;
using Pipeline.Testing;
using Pipeline.Local.Hosting;

namespace Pipeline.Operations.Tests;

/// <summary>
/// replay --quarantine: a fixed article goes back through the pipeline once, and only then leaves the quarantine.
/// One scenario per class, so each gets an Azurite of its own: the WebJobs blob trigger of a host started right after
/// another one stopped can miss a blob written within the same second as that host's last scan.
/// </summary>
public abstract class QuarantineReplayScenario(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    protected const string Story = "Harbour reopens\n\nThe harbour in Valletta reopened on Monday after storm repairs, the port authority in Malta said. " +
                                 "Ferry operators welcomed the decision and expect full timetables by the weekend.";

    protected AzuriteFixture Azurite => azurite;
    protected BlobContainerClient Articles => azurite.Storage.Container(PipelineNames.ArticlesContainer);
    protected BlobContainerClient Quarantine => azurite.Storage.Container(PipelineNames.QuarantineContainer);
    protected ArticleRecordStore Records => new(azurite.Storage);
}

public class QuarantineReplayAfterRaisingTheLimitTests(AzuriteFixture azurite) : QuarantineReplayScenario(azurite)
{
    [Fact]
    public async Task An_article_quarantined_for_size_is_summarised_once_after_the_limit_is_raised_and_a_rerun_replays_nothing()
    {
        const string name = "replay/too-large.txt";
        UploadedArticle upload;
        await using (var strict = await PipelineHarness.StartAsync(Azurite, settings: new Dictionary<string, string?> { ["Pipeline:Ingestion:MaxArticleBytes"] = "64" }))
        {
            upload = await strict.UploadAsync(name, Story);
            var quarantined = (await strict.SettleAsync([upload])).Single();
            Assert.Equal((ArticleState.Quarantined, "TooLarge"), (quarantined.State, quarantined.Detail));
        }

        await using var pipeline = await PipelineHarness.StartAsync(Azurite); // the fix: the default limit
        var replay = await Cli.RunAsync(ReplayCommand.Create(), "--quarantine", "--reason", "TooLarge", "--storage", Azurite.ConnectionString);

        Assert.Equal(0, replay.ExitCode);
        Assert.Contains($"replayed         quarantine: {name} (TooLarge)", replay.Output);
        Assert.Contains("replayed: 1", replay.Output);
        var head = await Eventually.ReturnsAsync(() => Records.GetHeadAsync(upload.ArticleId, CancellationToken.None),
            h => h?.IsSummarised == true, TimeSpan.FromSeconds(30), "the replayed article to be summarised");
        Assert.False(await Quarantine.GetBlobClient(name).ExistsAsync());
        Assert.False(await Quarantine.GetBlobClient(QuarantineRecord.BlobName(name)).ExistsAsync());
        var summary = await Eventually.ReturnsAsync(pipeline.SummaryAsync, s => s?.LatestArticles.Any(a => a.ArticleId == upload.ArticleId) == true, TimeSpan.FromSeconds(20), "the summary to list it");
        Assert.Single(summary!.LatestArticles, a => a.ArticleId == upload.ArticleId);

        var again = await Cli.RunAsync(ReplayCommand.Create(), "--quarantine", "--reason", "TooLarge", "--storage", Azurite.ConnectionString);
        Assert.Equal("Nothing to replay.", again.Output.Trim());
        Assert.Equal(head!.CurrentHash, (await Records.GetHeadAsync(upload.ArticleId, CancellationToken.None))!.CurrentHash);
    }

}

public class QuarantineReplayOfAFixedCopyTests(AzuriteFixture azurite) : QuarantineReplayScenario(azurite)
{
    [Fact]
    public async Task An_operator_fixes_the_quarantined_copy_and_only_that_reason_is_replayed()
    {
        await using var pipeline = await PipelineHarness.StartAsync(Azurite);
        var empty = await pipeline.UploadAsync("fix/empty.txt", "");
        var binary = await pipeline.UploadAsync("fix/binary.txt", "abc\0def\0ghi");
        Assert.All(await pipeline.SettleAsync([empty, binary]), r => Assert.Equal(ArticleState.Quarantined, r.State));

        // The fix: good content uploaded over the quarantined copy, once the quarantine's own copy is complete.
        var copy = Quarantine.GetBlobClient("fix/empty.txt");
        await Eventually.ReturnsAsync(async () => (await copy.GetPropertiesAsync()).Value.CopyStatus, s => s == CopyStatus.Success, TimeSpan.FromSeconds(10), "the quarantine copy");
        await copy.UploadAsync(BinaryData.FromString(Story), overwrite: true);
        var replay = await Cli.RunAsync(ReplayCommand.Create(), "--quarantine", "--reason", "Empty", "--storage", Azurite.ConnectionString);

        Assert.Contains("replayed         quarantine: fix/empty.txt (Empty)", replay.Output);
        Assert.DoesNotContain("fix/binary.txt", replay.Output);
        await Eventually.ReturnsAsync(() => Records.GetHeadAsync(empty.ArticleId, CancellationToken.None),
            h => h?.IsSummarised == true, TimeSpan.FromSeconds(30), "the fixed article to be summarised");
        Assert.True(await Quarantine.GetBlobClient(QuarantineRecord.BlobName("fix/binary.txt")).ExistsAsync());
        Assert.Equal(Story, (await Articles.GetBlobClient("fix/empty.txt").DownloadContentAsync()).Value.Content.ToString());
    }

}

public class InterruptedQuarantineReplayTests(AzuriteFixture azurite) : QuarantineReplayScenario(azurite)
{
    [Fact]
    public async Task A_replay_interrupted_after_the_copy_finishes_the_removal_without_sending_the_article_again()
    {
        const string name = "interrupted/empty.txt";
        UploadedArticle upload;
        await using (var pipeline = await PipelineHarness.StartAsync(Azurite))
        {
            upload = await pipeline.UploadAsync(name, "");
            Assert.Equal(ArticleState.Quarantined, (await pipeline.SettleAsync([upload])).Single().State);
        }
        var entry = await new PipelineInspector(Azurite.Storage).ListQuarantineAsync(CancellationToken.None).SingleAsync(e => e.Name == name);

        // What a replay that died right after its copy leaves behind: the article re-sent with its marker, the quarantine untouched.
        var article = Articles.GetBlobClient(name);
        var copy = await article.StartCopyFromUriAsync(Quarantine.GetBlobClient(name).Uri,
            new BlobCopyFromUriOptions { Metadata = new Dictionary<string, string> { ["replayof"] = entry.RecordETag.ToString() } });
        await copy.WaitForCompletionAsync();
        var sent = (await article.GetPropertiesAsync()).Value.ETag;

        var results = await new PipelineReplayer(Azurite.Storage, new PipelineInspector(Azurite.Storage)).ReplayQuarantineAsync(null, CancellationToken.None).ToListAsync();

        Assert.Equal([new ReplayResult(PipelineNames.QuarantineContainer, name, ReplayOutcome.AlreadyReplayed)], results);
        Assert.Equal(sent, (await article.GetPropertiesAsync()).Value.ETag); // not sent a second time
        Assert.False(await Quarantine.GetBlobClient(name).ExistsAsync());
        Assert.False(await Quarantine.GetBlobClient(QuarantineRecord.BlobName(name)).ExistsAsync());
    }
}
