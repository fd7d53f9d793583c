using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Local.Hosting;
using Pipeline.Operations;
using Pipeline.Operations.Dashboard;
using Pipeline.Runtime;
using Pipeline.Summary;
using Pipeline.Testing;

namespace Pipeline.IntegrationTests;

/// <summary>
/// Deleting an article blob takes it out of the summary exactly once: duplicates, deletes racing ingestion and
/// revisions, deletes of articles never counted, crashes either side of the counting write, and re-uploads.
/// Each test works on names of its own and checks the change it makes.
/// </summary>
public class RetractionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static string Story(int i, string place = "Berlin") =>
        $"Story {i:D2}\n\nOfficials in {place} said the talks on item {i} were constructive. NATO followed the negotiations closely.";

    private BinaryData DeletedEvent(string name) =>
        BlobDeletedEvents.Create(azurite.Storage.Container(PipelineNames.ArticlesContainer).GetBlobClient(name).Uri, "tests");

    private static Task<IReadOnlyList<TrackedArticle>> RetractedAsync(PipelineHarness pipeline, List<UploadedArticle> deleted) =>
        Eventually.ReturnsAsync(() => pipeline.Tracker.CheckAsync(deleted, CancellationToken.None), r => r.All(a => a.State == ArticleState.Retracted),
            TimeSpan.FromSeconds(45), $"{deleted.Count} deletions to be retracted",
            r => string.Join(", ", r.Where(a => a.State != ArticleState.Retracted).Select(a => $"{a.Article.Name}: {a.State}")));

    private static async Task<UploadedArticle> DeleteAsync(PipelineHarness pipeline, string name) =>
        await pipeline.Tracker.DeleteAsync(name, CancellationToken.None) ?? throw new InvalidOperationException($"{name} was not there to delete.");

    /// <summary>Storage times revisions to the second: an overwrite must land in a later second to be ordered after the upload.</summary>
    private static Task<DateTimeOffset> NextSecondAsync(UploadedArticle after) =>
        Eventually.ReturnsAsync(() => Task.FromResult(DateTimeOffset.UtcNow), now => now > after.LastModified.AddSeconds(1.2), TimeSpan.FromSeconds(5), "the next second");

    [Fact]
    public async Task Upload_20_delete_5_overwrite_2_delete_one_of_those_and_upload_one_again_counts_15()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var baseline = await pipeline.StateAsync();
        var inspector = new PipelineInspector(azurite.Storage);
        var counted = await inspector.CountArticlesAsync(CancellationToken.None);
        // The five stories to be deleted, and only they, mention Reykjavik.
        var uploads = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => pipeline.UploadAsync($"newsroom/story-{i:D2}.txt", Story(i, i < 5 ? "Reykjavik" : "Berlin"))));
        await pipeline.SettleAsync(uploads);
        Assert.Equal(baseline.ArticleCount + 20, (await pipeline.StateAsync()).ArticleCount);
        Assert.Equal(Articles(baseline, "Location|id:geonames:3413829") + 5, Articles(await pipeline.StateAsync(), "Location|id:geonames:3413829"));

        var deleted = new List<UploadedArticle>();
        for (int i = 0; i < 5; i++) deleted.Add(await DeleteAsync(pipeline, uploads[i].Name));
        await RetractedAsync(pipeline, deleted);

        await NextSecondAsync(uploads[6]);
        var overwritten = await Task.WhenAll(pipeline.UploadAsync(uploads[5].Name, Story(5, "Lisbon") + " Revised."), pipeline.UploadAsync(uploads[6].Name, Story(6, "Lisbon") + " Revised."));
        await pipeline.SettleAsync(overwritten);
        await RetractedAsync(pipeline, [await DeleteAsync(pipeline, uploads[5].Name)]);

        var again = await pipeline.UploadAsync(uploads[0].Name, Story(0, "Reykjavik"));
        await pipeline.SettleAsync([again]);

        var state = await pipeline.StateAsync();
        var summary = (await pipeline.SummaryAsync())!;
        Assert.Equal(baseline.ArticleCount + 15, state.ArticleCount);
        Assert.Equal(baseline.ArticleCount + 15, summary.ArticleCount);
        Assert.Equal(baseline.RetractedCount + 5, summary.RetractedCount); // 0-5 deleted, 0 back
        Assert.Equal(Articles(baseline, "Location|id:geonames:3413829") + 1, Articles(state, "Location|id:geonames:3413829"));    // only the re-uploaded story
        Assert.Equal(Articles(baseline, "Location|id:geonames:2267057") + 1, Articles(state, "Location|id:geonames:2267057"));       // story 6's revision; story 5's went with it
        Assert.Equal(Articles(baseline, "Organization|id:org:nato") + 15, Articles(state, "Organization|id:org:nato"));
        string[] gone = [.. uploads.Take(6).Skip(1).Select(u => u.ArticleId)];
        Assert.DoesNotContain(summary.LatestArticles, a => gone.Contains(a.ArticleId));
        Assert.Contains(summary.LatestArticles, a => a.ArticleId == uploads[0].ArticleId);

        // What the dashboard API says about a withdrawn story, and about the one that came back.
        var api = pipeline.Services.GetRequiredService<DashboardApi>();
        var withdrawn = await api.GetArticleAsync(uploads[1].ArticleId, null, CancellationToken.None);
        Assert.Equal((int)HttpStatusCode.Gone, withdrawn.StatusCode);
        using var problem = JsonDocument.Parse(withdrawn.Body);
        var retractedAt = problem.RootElement.GetProperty("retractedAt").GetDateTimeOffset();
        Assert.InRange(retractedAt, uploads[1].LastModified, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.False((await azurite.Storage.Container(PipelineNames.EnrichedContainer).GetBlobClient(EnrichedArticleMessage.BlobName(uploads[1].ArticleId)).ExistsAsync()).Value);
        Assert.Equal(200, (await api.GetArticleAsync(uploads[0].ArticleId, null, CancellationToken.None)).StatusCode);

        // What `status` prints.
        var counts = await inspector.CountArticlesAsync(CancellationToken.None);
        Assert.Equal(counted.Received + 20, counts.Received);
        Assert.Equal(counted.Summarised + 15, counts.Summarised);
        Assert.Equal(counted.Retracted + 5, counts.Retracted);
        Assert.Equal(0, counts.Pending);
    }

    [Fact]
    public async Task A_duplicated_delete_event_retracts_once_and_a_late_one_after_a_re_upload_retracts_nothing()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var upload = await pipeline.UploadAsync("duplicates/spiked.txt", Story(30));
        await pipeline.SettleAsync([upload]);
        await RetractedAsync(pipeline, [await DeleteAsync(pipeline, upload.Name)]);
        var afterFirst = await pipeline.StateAsync();

        var handler = pipeline.Services.GetRequiredService<RetractArticleHandler>();
        Assert.Equal([RetractOutcome.AlreadyRetracted], await handler.HandleAsync(DeletedEvent(upload.Name), CancellationToken.None));
        Assert.Equal([RetractOutcome.AlreadyRetracted], await handler.HandleAsync(DeletedEvent(upload.Name), CancellationToken.None));
        Assert.Equal((afterFirst.ArticleCount, afterFirst.RetractedCount), ((await pipeline.StateAsync()).ArticleCount, (await pipeline.StateAsync()).RetractedCount));

        var back = await pipeline.UploadAsync(upload.Name, Story(30));
        await pipeline.SettleAsync([back]);
        Assert.Equal([RetractOutcome.StillPresent], await handler.HandleAsync(DeletedEvent(upload.Name), CancellationToken.None));
        var state = await pipeline.StateAsync();
        Assert.Equal((afterFirst.ArticleCount + 1, afterFirst.RetractedCount - 1), (state.ArticleCount, state.RetractedCount));
    }

    [Fact]
    public async Task Deleting_a_blob_never_seen_or_quarantined_changes_no_total_and_a_late_record_of_it_is_refused()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var quarantined = await pipeline.UploadAsync("never/empty.txt", "");
        Assert.Equal(ArticleState.Quarantined, (await pipeline.SettleAsync([quarantined]))[0].State);
        var before = await pipeline.StateAsync();

        await RetractedAsync(pipeline, [await DeleteAsync(pipeline, quarantined.Name)]);
        var handler = pipeline.Services.GetRequiredService<RetractArticleHandler>();
        Assert.Equal([RetractOutcome.NeverCounted], await handler.HandleAsync(DeletedEvent("never/uploaded.txt"), CancellationToken.None));

        // An ingestion that read the blob before the delete and records after it: refused, nothing counted.
        var records = pipeline.Services.GetRequiredService<ArticleRecordStore>();
        string lateId = ArticleIdentity.ArticleId(PipelineNames.ArticlesContainer, "never/uploaded.txt");
        var late = ExactlyOnceTests.Contribution(lateId, "sha256:" + new string('7', 64)) with { SourceName = "never/uploaded.txt" };
        Assert.False(await records.RecordAsync(late, CancellationToken.None));

        await pipeline.Services.GetRequiredService<SummaryFolder>().FoldPendingAsync(CancellationToken.None);
        var after = await pipeline.StateAsync();
        Assert.Equal((before.ArticleCount, before.RetractedCount), (after.ArticleCount, after.RetractedCount));
        Assert.True((await records.GetHeadAsync(lateId, CancellationToken.None))!.IsRetracted);
    }

    [Fact]
    public async Task A_revision_read_before_the_delete_and_finished_after_it_is_refused_and_its_document_removed()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var upload = await pipeline.UploadAsync("race/late-ingestion.txt", Story(40));
        await pipeline.SettleAsync([upload]);
        var enriched = azurite.Storage.Container(PipelineNames.EnrichedContainer).GetBlobClient(EnrichedArticleMessage.BlobName(upload.ArticleId));
        var document = (await enriched.DownloadContentAsync()).Value;
        await RetractedAsync(pipeline, [await DeleteAsync(pipeline, upload.Name)]);
        var before = await pipeline.StateAsync();

        // The slow ingestion writes its document and queues its message after the retraction.
        await enriched.UploadAsync(document.Content, new Azure.Storage.Blobs.Models.BlobUploadOptions { Metadata = document.Details.Metadata });
        var outcome = await pipeline.Services.GetRequiredService<SummarizeArticleHandler>().HandleAsync(document.Content, CancellationToken.None);

        Assert.Equal(SummarizeOutcome.Refused, outcome);
        Assert.False((await enriched.ExistsAsync()).Value);
        var after = await pipeline.StateAsync();
        Assert.Equal((before.ArticleCount, before.RetractedCount), (after.ArticleCount, after.RetractedCount));
    }

    [Fact]
    public async Task A_crash_before_the_counting_write_leaves_the_retraction_pending_and_the_next_fold_applies_it_once()
    {
        var pipeline = await PipelineHarness.StartAsync(azurite);
        var upload = await pipeline.UploadAsync("crash/retract-before.txt", Story(50));
        await pipeline.SettleAsync([upload]);
        await pipeline.DisposeAsync(); // no host runs: nothing folds
        var before = await StateAsync();

        // The retraction is recorded, and the instance dies before folding it.
        await azurite.Storage.Container(PipelineNames.ArticlesContainer).GetBlobClient(upload.Name).DeleteAsync();
        var records = new ArticleRecordStore(azurite.Storage);
        Assert.Equal(RetractOutcome.Retracted, await records.RetractAsync(upload.ArticleId, upload.Name, DateTimeOffset.UtcNow, CancellationToken.None));
        Assert.True((await records.GetHeadAsync(upload.ArticleId, CancellationToken.None))!.Pending);
        Assert.Equal(before.ArticleCount, (await StateAsync()).ArticleCount);

        // A successor's scanner announces the deletion again and its folds apply the retraction, once.
        await using var successor = await PipelineHarness.StartAsync(azurite);
        await Eventually.ReturnsAsync(() => records.GetHeadAsync(upload.ArticleId, CancellationToken.None), h => h is { IsSummarised: true }, TimeSpan.FromSeconds(45), "the retraction to be folded");
        await successor.Services.GetRequiredService<SummaryFolder>().FoldPendingAsync(CancellationToken.None);
        var after = await StateAsync();
        Assert.Equal((before.ArticleCount - 1, before.RetractedCount + 1), (after.ArticleCount, after.RetractedCount));
    }

    [Fact]
    public async Task A_crash_after_the_counting_write_but_before_the_head_is_marked_does_not_retract_twice()
    {
        var smallBatches = new Dictionary<string, string?> { ["Pipeline:Summary:FoldBatchSize"] = "1" };
        var pipeline = await PipelineHarness.StartAsync(azurite, settings: smallBatches);
        var upload = await pipeline.UploadAsync("crash/retract-after.txt", Story(60));
        await pipeline.SettleAsync([upload]);
        var beforeDelete = await pipeline.StateAsync();
        await RetractedAsync(pipeline, [await DeleteAsync(pipeline, upload.Name)]);
        await pipeline.DisposeAsync();
        var state = await StateAsync();
        Assert.Contains(new AppliedRevision(upload.ArticleId, ArticleRecordStore.RetractedHash), state.LastBatch);
        Assert.Equal((beforeDelete.ArticleCount - 1, beforeDelete.RetractedCount + 1), (state.ArticleCount, state.RetractedCount));

        // Put the head back as it was between the counting write and the mark: still applied at the text it had.
        var table = azurite.Storage.Table(PipelineNames.ArticlesTable);
        var head = (await table.GetEntityAsync<ArticleHead>("head", upload.ArticleId)).Value;
        head.AppliedHash = await PreviousHashAsync(upload.ArticleId);
        head.Pending = true;
        await table.UpdateEntityAsync(head, head.ETag);
        // Another pending article sorts first, so with a batch size of 1 the next page does not reach the unmarked head.
        var records = new ArticleRecordStore(azurite.Storage);
        await records.RecordAsync(ExactlyOnceTests.Contribution("000-retract-first", "sha256:" + new string('8', 64)), CancellationToken.None);

        await using var successor = await PipelineHarness.StartAsync(azurite, settings: smallBatches);
        await Eventually.ReturnsAsync(() => records.GetHeadAsync(upload.ArticleId, CancellationToken.None), h => h is { IsSummarised: true }, TimeSpan.FromSeconds(45), "the head to be marked");
        await Eventually.ReturnsAsync(() => records.GetHeadAsync("000-retract-first", CancellationToken.None), h => h is { IsSummarised: true }, TimeSpan.FromSeconds(45), "the other article");
        var after = await StateAsync();
        Assert.Equal((state.ArticleCount + 1, state.RetractedCount), (after.ArticleCount, after.RetractedCount)); // the new article only
        Assert.Equal(ArticleRecordStore.RetractedHash, (await records.GetHeadAsync(upload.ArticleId, CancellationToken.None))!.AppliedHash);
    }

    /// <summary>The revision the retraction replaced: its row is the article's only revision row.</summary>
    private async Task<string> PreviousHashAsync(string articleId)
    {
        await foreach (var row in azurite.Storage.Table(PipelineNames.ArticlesTable).QueryAsync<Azure.Data.Tables.TableEntity>($"PartitionKey eq '{articleId}'"))
            return "sha256:" + row.RowKey["rev-".Length..];
        throw new InvalidOperationException($"Article {articleId} kept no revision.");
    }

    [Fact]
    public async Task Deletes_and_re_uploads_racing_each_other_and_their_events_end_as_storage_says()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite, hosts: 2);
        var baseline = await pipeline.StateAsync();
        var uploads = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => pipeline.UploadAsync($"churn/{i:D2}.txt", Story(100 + i))));
        await pipeline.SettleAsync(uploads);
        var handler = pipeline.Services.GetRequiredService<RetractArticleHandler>();

        // Every article is deleted; every other one is uploaded again at once (new text), and a duplicate delete event
        // for each is handled right in the middle of it all.
        var reuploads = new System.Collections.Concurrent.ConcurrentDictionary<string, string>();
        await Task.WhenAll(uploads.Select(async (upload, i) =>
        {
            await azurite.Storage.Container(PipelineNames.ArticlesContainer).GetBlobClient(upload.Name).DeleteAsync();
            var duplicate = handler.HandleAsync(DeletedEvent(upload.Name), CancellationToken.None);
            if (i % 2 == 0)
                reuploads[upload.ArticleId] = (await pipeline.UploadAsync(upload.Name, Story(200 + i, "Lisbon"))).ETag.ToString();
            await duplicate;
        }));

        // A re-uploaded article must be counted at its new revision: until that is recorded, its head can still read
        // "summarised, not retracted" at the old one (the retraction saw the blob back and left it).
        var records = pipeline.Services.GetRequiredService<ArticleRecordStore>();
        bool AsStorageSays(ArticleHead h) =>
            h.IsSummarised && (reuploads.TryGetValue(h.RowKey, out var etag) ? !h.IsRetracted && h.CurrentETag == etag : h.IsRetracted);
        await Eventually.ReturnsAsync(
            async () => await Task.WhenAll(uploads.Select(u => records.GetHeadAsync(u.ArticleId, CancellationToken.None))),
            heads => heads.All(h => AsStorageSays(h!)), TimeSpan.FromSeconds(60), "every article to end as its blob says",
            heads => string.Join("; ", heads.Where(h => !AsStorageSays(h!)).Select(h =>
                $"{h!.SourceName}: pending={h.Pending} current={h.CurrentHash[..Math.Min(16, h.CurrentHash.Length)]} applied={h.AppliedHash[..Math.Min(16, h.AppliedHash.Length)]} etag={h.CurrentETag} expected={(reuploads.TryGetValue(h.RowKey, out var e) ? e : "retracted")}")));
        await pipeline.Services.GetRequiredService<SummaryFolder>().FoldPendingAsync(CancellationToken.None);

        var state = await pipeline.StateAsync();
        Assert.Equal(baseline.ArticleCount + 6, state.ArticleCount);
        Assert.Equal(baseline.RetractedCount + 6, state.RetractedCount);
        Assert.Equal(Articles(baseline, "Location|id:geonames:2267057") + 6, Articles(state, "Location|id:geonames:2267057"));
    }

    private static int Articles(SummaryState state, string entityKey) => state.Entities.TryGetValue(entityKey, out var entity) ? entity.Articles : 0;

    private async Task<SummaryState> StateAsync() => (await new SummaryStore(azurite.Storage).ReadStateAsync(CancellationToken.None)).State;
}
