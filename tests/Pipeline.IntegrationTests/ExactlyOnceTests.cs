using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Ingestion;
using Pipeline.Ingestion.Enrichment;
using Pipeline.Runtime;
using Pipeline.Summary;
using Pipeline.Testing;
using Pipeline.Local.Hosting;

namespace Pipeline.IntegrationTests;

/// <summary>
/// At-least-once in, exactly-once effect out: duplicates, crashes on either side of the counting write, revisions,
/// late revisions, competing hosts. Each test works on names of its own and checks the change it makes.
/// </summary>
public class ExactlyOnceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    internal static string Article(string topic, string mood) =>
        $"{topic} update\n\nOfficials in Berlin and Paris said the {topic} talks were {mood}. NATO and the European Commission " +
        $"followed the {topic} negotiations closely. Chancellor Olaf Scholz met President Emmanuel Macron on Monday.";

    private async Task<EnrichedArticle> EnrichedAsync(string articleId) =>
        (await azurite.Storage.Container(PipelineNames.EnrichedContainer).GetBlobClient(EnrichedArticleMessage.BlobName(articleId)).DownloadContentAsync())
        .Value.Content.ToObjectFromJson(PipelineJson.Default.EnrichedArticle)!;

    private static BinaryData Message(EnrichedArticle article) => BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(article, PipelineJson.Default.EnrichedArticle));

    [Fact]
    public async Task A_duplicated_message_is_counted_once()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var upload = await pipeline.UploadAsync("dup/once.txt", Article("trade", "constructive"));
        await pipeline.SettleAsync([upload]);
        int before = (await pipeline.StateAsync()).ArticleCount;

        var handler = pipeline.Services.GetRequiredService<SummarizeArticleHandler>();
        var message = Message(await EnrichedAsync(upload.ArticleId));
        Assert.Equal(SummarizeOutcome.Recorded, await handler.HandleAsync(message, CancellationToken.None));
        Assert.Equal(SummarizeOutcome.Recorded, await handler.HandleAsync(message, CancellationToken.None));
        await azurite.Storage.Queue(PipelineNames.EnrichedQueue).SendMessageAsync(message);
        await Eventually.ReturnsAsync(async () => (await azurite.Storage.Queue(PipelineNames.EnrichedQueue).GetPropertiesAsync()).Value.ApproximateMessagesCount,
            n => n == 0, TimeSpan.FromSeconds(20), "the duplicate to be consumed");
        await pipeline.Services.GetRequiredService<SummaryFolder>().FoldPendingAsync(CancellationToken.None);

        await SummarisedAsync(pipeline.Services.GetRequiredService<ArticleRecordStore>(), upload.ArticleId);
        Assert.Equal(before, (await pipeline.StateAsync()).ArticleCount);
    }

    [Fact]
    public async Task A_crash_after_the_counting_write_but_before_the_records_are_marked_does_not_count_twice()
    {
        var smallBatches = new Dictionary<string, string?> { ["Pipeline:Summary:FoldBatchSize"] = "1" };
        var pipeline = await PipelineHarness.StartAsync(azurite, settings: smallBatches);
        var upload = await pipeline.UploadAsync("crash/after-write.txt", Article("energy", "difficult"));
        await pipeline.SettleAsync([upload]);
        await pipeline.DisposeAsync(); // the instance dies...
        var state = await StateAsync();
        Assert.Contains(state.LastBatch, r => r.ArticleId == upload.ArticleId);

        // ...and its head row is put back as if it died right after the counting write, before marking.
        var table = azurite.Storage.Table(PipelineNames.ArticlesTable);
        var head = (await table.GetEntityAsync<ArticleHead>("head", upload.ArticleId)).Value;
        head.AppliedHash = "";
        head.Pending = true;
        await table.UpdateEntityAsync(head, head.ETag);
        // Another pending article sorts first, so with a batch size of 1 the next fold's page does not reach the unmarked head.
        var records = new ArticleRecordStore(azurite.Storage);
        await records.RecordAsync(Contribution("000-first", "sha256:" + new string('1', 64)), CancellationToken.None);

        await using var successor = await PipelineHarness.StartAsync(azurite, settings: smallBatches);
        await successor.Services.GetRequiredService<SummaryFolder>().FoldPendingAsync(CancellationToken.None);

        // The call above may defer to the successor's periodic fold, so wait for the outcome rather than the call.
        await SummarisedAsync(records, upload.ArticleId);
        await SummarisedAsync(records, "000-first");
        Assert.Equal(state.ArticleCount + 1, (await StateAsync()).ArticleCount); // the new article only
    }

    private static Task<ArticleHead?> SummarisedAsync(ArticleRecordStore records, string articleId) =>
        Eventually.ReturnsAsync(() => records.GetHeadAsync(articleId, CancellationToken.None), h => h is { IsSummarised: true }, TimeSpan.FromSeconds(45), $"article {articleId} to be summarised");

    private async Task<SummaryState> StateAsync() => (await new SummaryStore(azurite.Storage).ReadStateAsync(CancellationToken.None)).State;

    [Fact]
    public async Task A_crash_before_the_counting_write_leaves_the_article_pending_and_the_next_fold_counts_it_once()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var records = pipeline.Services.GetRequiredService<ArticleRecordStore>();
        int before = (await pipeline.StateAsync()).ArticleCount;

        // Recorded, then the instance died before folding: the record is pending and nothing is counted.
        await records.RecordAsync(Contribution("crash-before", "sha256:" + new string('2', 64)), CancellationToken.None);
        Assert.True((await records.GetHeadAsync("crash-before", CancellationToken.None))!.Pending);
        Assert.Equal(before, (await pipeline.StateAsync()).ArticleCount);

        // The periodic fold (the FoldSummary timer in Azure) picks it up.
        var state = await Eventually.ReturnsAsync(pipeline.StateAsync, s => s.ArticleCount == before + 1, TimeSpan.FromSeconds(15), "the periodic fold");
        await pipeline.Services.GetRequiredService<SummaryFolder>().FoldPendingAsync(CancellationToken.None);
        Assert.Equal(before + 1, (await pipeline.StateAsync()).ArticleCount);
        await SummarisedAsync(records, "crash-before");
        Assert.NotNull(state);
    }

    [Fact]
    public async Task An_overwritten_blob_is_one_article_whose_summary_contribution_is_replaced_and_a_late_old_revision_is_ignored()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var first = await pipeline.UploadAsync("revisions/story.txt", "Team wins title\n\nThe Rovers won a wonderful, brilliant, joyful victory in Manchester. Fans celebrated the great success.");
        await pipeline.SettleAsync([first]);
        var firstRevision = await EnrichedAsync(first.ArticleId);
        var before = await pipeline.StateAsync();

        var second = await pipeline.UploadAsync("revisions/story.txt", "Team loses final\n\nThe Rovers suffered a terrible, shocking, painful defeat in Liverpool. Fans were angry and disappointed.");
        await pipeline.SettleAsync([second]);
        var after = await pipeline.StateAsync();

        Assert.Equal(before.ArticleCount, after.ArticleCount);
        var latest = after.Latest.Single(a => a.ArticleId == first.ArticleId);
        Assert.Equal("Team loses final", latest.Title);
        Assert.Equal(SentimentLabel.Negative, latest.Sentiment);
        Assert.Equal(before.Sentiment.Positive - 1, after.Sentiment.Positive);
        Assert.Equal(before.Sentiment.Negative + 1, after.Sentiment.Negative);
        Assert.False(after.Entities.ContainsKey("Location|id:geonames:2643123"));
        Assert.True(after.Entities.ContainsKey("Location|id:geonames:2644210"));

        // The first revision's message arriving late changes nothing.
        await pipeline.Services.GetRequiredService<SummarizeArticleHandler>().HandleAsync(Message(firstRevision), CancellationToken.None);
        var head = await pipeline.Services.GetRequiredService<ArticleRecordStore>().GetHeadAsync(first.ArticleId, CancellationToken.None);
        Assert.True(head!.IsSummarised);
        Assert.NotEqual(firstRevision.ContentHash, head.CurrentHash);
        Assert.Equal(after.ArticleCount, (await pipeline.StateAsync()).ArticleCount);
    }

    [Fact]
    public async Task Two_texts_written_within_one_second_end_as_the_text_the_blob_holds_in_either_order()
    {
        var container = azurite.Storage.Container(PipelineNames.ArticlesContainer);
        await container.CreateIfNotExistsAsync();
        var records = new ArticleRecordStore(azurite.Storage);
        // The later text hashes lower, so a tie-break on the hash alone would keep the earlier one.
        string earlierHash = "sha256:" + new string('e', 64), laterHash = "sha256:" + new string('1', 64);
        foreach (bool laterFirst in new[] { false, true })
        {
            string name = $"revisions/same-second-{laterFirst}.txt";
            var blob = container.GetBlobClient(name);
            var earlier = (await blob.UploadAsync(BinaryData.FromString("earlier text"), overwrite: true)).Value;
            var later = (await blob.UploadAsync(BinaryData.FromString("later text"), overwrite: true)).Value;
            var second = new DateTimeOffset(later.LastModified.Ticks - later.LastModified.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
            ArticleContribution Revision(string hash, Azure.ETag etag) => Contribution(ArticleIdentity.ArticleId(PipelineNames.ArticlesContainer, name), hash) with
            {
                SourceName = name, SourceETag = etag.ToString(), SourceLastModified = second,
            };
            var (a, b) = (Revision(earlierHash, earlier.ETag), Revision(laterHash, later.ETag));
            foreach (var revision in laterFirst ? new[] { b, a } : new[] { a, b })
                Assert.True(await records.RecordAsync(revision, CancellationToken.None));

            var head = await records.GetHeadAsync(a.ArticleId, CancellationToken.None);
            Assert.Equal((laterHash, later.ETag.ToString()), (head!.CurrentHash, head.CurrentETag));
        }
    }

    [Fact]
    public async Task Two_hosts_competing_for_the_same_storage_count_every_article_once()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite, hosts: 2);
        int before = (await pipeline.StateAsync()).ArticleCount;
        string[] moods = ["encouraging", "tense", "productive", "disastrous", "calm"];
        var uploads = await Task.WhenAll(Enumerable.Range(0, 80).Select(i =>
            pipeline.UploadAsync($"competing/{i:D3}.txt", Article("topic" + i.ToString(CultureInfo.InvariantCulture), moods[i % moods.Length]))));

        var results = await pipeline.SettleAsync(uploads, TimeSpan.FromSeconds(90));

        Assert.All(results, r => Assert.Equal(ArticleState.Summarised, r.State));
        var summary = await Eventually.ReturnsAsync(pipeline.SummaryAsync, s => s!.ArticleCount == before + 80, TimeSpan.FromSeconds(10), "the summary");
        Assert.Equal(before + 80, summary!.ArticleCount);
        Assert.Equal(0, (await azurite.Storage.Queue(PipelineNames.EnrichedPoisonQueue).GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task An_article_too_big_for_a_queue_message_travels_by_claim_check()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        string body = string.Concat(Enumerable.Range(0, 700).Select(i => $"Paragraph {i}: negotiators in Geneva reviewed the draft text again.\n\n"));
        var upload = await pipeline.UploadAsync("large/claim-check.txt", "Long briefing\n\n" + body);

        var results = await pipeline.SettleAsync([upload]);

        Assert.Equal(ArticleState.Summarised, results[0].State);
        var properties = await azurite.Storage.Container(PipelineNames.EnrichedContainer).GetBlobClient(EnrichedArticleMessage.BlobName(upload.ArticleId)).GetPropertiesAsync();
        Assert.True(properties.Value.ContentLength > EnrichedArticleMessage.MaxInlineBytes, $"{properties.Value.ContentLength} bytes");
    }

    [Fact]
    public async Task A_blob_over_the_size_limit_is_quarantined_without_being_read()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite, settings: new Dictionary<string, string?> { ["Pipeline:Ingestion:MaxArticleBytes"] = "2000" });
        var upload = await pipeline.UploadAsync("limits/too-large.txt", "Title\n\n" + new string('a', 3000));

        var results = await pipeline.SettleAsync([upload]);

        Assert.Equal((ArticleState.Quarantined, "TooLarge"), (results[0].State, results[0].Detail));
    }

    internal static ArticleContribution Contribution(string id, string hash) => new()
    {
        ArticleId = id,
        ContentHash = hash,
        Title = id,
        SourceName = id + ".txt",
        SourceLastModified = DateTimeOffset.UtcNow,
        IngestedAt = DateTimeOffset.UtcNow,
        Language = "en",
        Sentiment = SentimentLabel.Neutral,
        SentimentScore = 0,
        Entities = [new EntityCount("Location", "Geneva", 1)],
    };
}

/// <summary>
/// Its own storage: the record it leaves pending on purpose would otherwise be counted by the next test's folds.
/// </summary>
public class FoldIntervalTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_fold_cancelled_while_it_waits_for_its_interval_returns_and_leaves_the_records_pending()
    {
        var slowFolds = new Dictionary<string, string?> { ["Pipeline:Summary:FoldMinInterval"] = "00:00:10" };
        await using var pipeline = await PipelineHarness.StartAsync(azurite, settings: slowFolds);
        var upload = await pipeline.UploadAsync("interval/first.txt", ExactlyOnceTests.Article("ports", "calm"));
        await pipeline.SettleAsync([upload]); // this instance has folded: the next fold waits ten seconds
        var records = pipeline.Services.GetRequiredService<ArticleRecordStore>();
        await records.RecordAsync(ExactlyOnceTests.Contribution("interval-second", "sha256:" + new string('5', 64)), CancellationToken.None);

        using var shutdown = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int folded = await pipeline.Services.GetRequiredService<SummaryFolder>().FoldPendingAsync(shutdown.Token);

        Assert.Equal(0, folded);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"returned after {clock.Elapsed}, not when cancelled");
        Assert.True((await records.GetHeadAsync("interval-second", CancellationToken.None))!.Pending);
    }
}
