using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Local.Commands;
using Pipeline.Local.Hosting;
using Pipeline.Runtime;
using Pipeline.Summary;
using Pipeline.Testing;

namespace Pipeline.Operations.Tests;

/// <summary>
/// replay --dead-letter: the events Event Grid gave up on, in the blobs it writes (the docs' published dead-letter event,
/// Fixtures/README.md), go back into the pipeline once; what is not an article's event stays where it is.
/// </summary>
public class DeadLetterReplayTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly string PublishedSample = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "deadletter-blob-created.eventgrid.json"));

    private BlobContainerClient DeadLetters => azurite.Storage.Container(PipelineNames.DeadLetterContainer);

    /// <summary>The published dead-letter event, about <paramref name="blob"/> at <paramref name="etag"/>.</summary>
    private static JsonNode CreatedEvent(BlobClient blob, string etag, string id)
    {
        var deadLettered = JsonNode.Parse(PublishedSample)!.AsArray()[0]!.DeepClone();
        deadLettered["id"] = id;
        deadLettered["subject"] = $"/blobServices/default/containers/{blob.BlobContainerName}/blobs/{blob.Name}";
        deadLettered["data"]!["url"] = blob.Uri.AbsoluteUri;
        deadLettered["data"]!["eTag"] = etag.Trim('"');
        return deadLettered;
    }

    /// <summary>A BlobDeleted event as the scanner (and Event Grid) writes it, with the dead-letter properties the docs publish.</summary>
    private static JsonNode DeletedEvent(BlobClient blob)
    {
        var deadLettered = JsonNode.Parse(BlobDeletedEvents.Create(blob.Uri, "/subscriptions/tests").ToString())!;
        var sample = JsonNode.Parse(PublishedSample)!.AsArray()[0]!;
        foreach (string property in new[] { "deadLetterReason", "deliveryAttempts", "lastDeliveryOutcome", "publishTime", "lastDeliveryAttemptTime" })
            deadLettered[property] = sample[property]!.DeepClone();
        return deadLettered;
    }

    private async Task<BlobClient> DeadLetterAsync(string name, params JsonNode[] events)
    {
        await DeadLetters.CreateIfNotExistsAsync();
        var blob = DeadLetters.GetBlobClient(name);
        await blob.UploadAsync(BinaryData.FromString(new JsonArray(events.Select(e => (JsonNode?)e.DeepClone()).ToArray()).ToJsonString()), overwrite: true);
        return blob;
    }

    [Fact]
    public async Task A_dead_lettered_creation_is_rewritten_once_and_then_summarised_and_another_containers_event_stays()
    {
        var article = azurite.Storage.Container(PipelineNames.ArticlesContainer).GetBlobClient("deadletter/lost.txt");
        string content = "Port reopens\n\nThe port of Odesa reopened to grain ships on Monday, officials in Ukraine said.";
        var uploaded = (await article.UploadAsync(BinaryData.FromString(content), overwrite: true)).Value.ETag;
        var replaced = azurite.Storage.Container(PipelineNames.ArticlesContainer).GetBlobClient("deadletter/replaced.txt");
        var first = (await replaced.UploadAsync(BinaryData.FromString("Old\n\nAn old version."), overwrite: true)).Value.ETag;
        await replaced.UploadAsync(BinaryData.FromString("New\n\nA new version, delivered on its own."), overwrite: true);
        var gone = azurite.Storage.Container(PipelineNames.ArticlesContainer).GetBlobClient("deadletter/gone.txt");

        var lost = await DeadLetterAsync("pipeline/INGEST-ARTICLE/2026/12/3/9/lost.json",
            CreatedEvent(article, uploaded.ToString(), "4f0c5a7e-0001-4000-8000-000000000001"),
            CreatedEvent(replaced, first.ToString(), "4f0c5a7e-0001-4000-8000-000000000002"),
            CreatedEvent(gone, "0x8DD0000000000000", "4f0c5a7e-0001-4000-8000-000000000003"));
        var foreign = await DeadLetterAsync("pipeline/INGEST-ARTICLE/2026/12/3/9/foreign.json", JsonNode.Parse(PublishedSample)!.AsArray()[0]!);

        var replay = await Cli.RunAsync(ReplayCommand.Create(), "--dead-letter", "--storage", azurite.ConnectionString);
        var again = await Cli.RunAsync(ReplayCommand.Create(), "--dead-letter", "--storage", azurite.ConnectionString);

        Assert.Equal(0, replay.ExitCode);
        Assert.Contains($"replayed         {PipelineNames.DeadLetterContainer}: deadletter/lost.txt", replay.Output);
        Assert.Contains($"obsolete         {PipelineNames.DeadLetterContainer}: deadletter/replaced.txt", replay.Output);
        Assert.Contains($"obsolete         {PipelineNames.DeadLetterContainer}: deadletter/gone.txt", replay.Output);
        Assert.Contains($"unreplayable     {PipelineNames.DeadLetterContainer}: myBlobFile.txt (a blob of container deadletter, not an article", replay.Output);
        Assert.Contains("replayed: 1, obsolete: 2, unreplayable: 1", replay.Output);
        // The dead-letter blob whose events were all dealt with is gone; the one the pipeline cannot use stays for a person.
        Assert.False(await lost.ExistsAsync());
        Assert.True(await foreign.ExistsAsync());
        Assert.Contains("unreplayable: 1", again.Output);
        Assert.DoesNotContain("replayed ", again.Output);

        var rewritten = (await article.GetPropertiesAsync()).Value;
        Assert.NotEqual(uploaded, rewritten.ETag);
        Assert.Equal("4f0c5a7e-0001-4000-8000-000000000001", rewritten.Metadata["replayof"]);
        Assert.Equal(content, (await article.DownloadContentAsync()).Value.Content.ToString());

        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        string id = ArticleIdentity.ArticleId(PipelineNames.ArticlesContainer, article.Name);
        await Eventually.ReturnsAsync(() => new ArticleRecordStore(azurite.Storage).GetHeadAsync(id, CancellationToken.None),
            h => h?.IsSummarised == true, TimeSpan.FromSeconds(60), "the replayed article to be summarised");
    }

    [Fact]
    public async Task A_replay_cut_off_before_removing_its_dead_letter_blob_rewrites_nothing_twice()
    {
        var article = azurite.Storage.Container(PipelineNames.ArticlesContainer).GetBlobClient("deadletter/twice.txt");
        var uploaded = (await article.UploadAsync(BinaryData.FromString("Twice\n\nA storm reached Manila on Sunday."), overwrite: true)).Value.ETag;
        var deadLettered = CreatedEvent(article, uploaded.ToString(), "4f0c5a7e-0002-4000-8000-000000000001");
        await DeadLetterAsync("pipeline/INGEST-ARTICLE/2026/12/3/10/twice.json", deadLettered);
        await Cli.RunAsync(ReplayCommand.Create(), "--dead-letter", "--storage", azurite.ConnectionString);
        var afterFirst = (await article.GetPropertiesAsync()).Value.ETag;

        // As if the first replay had died after the rewrite and before deleting the blob.
        await DeadLetterAsync("pipeline/INGEST-ARTICLE/2026/12/3/10/twice.json", deadLettered);
        var second = await Cli.RunAsync(ReplayCommand.Create(), "--dead-letter", "--storage", azurite.ConnectionString);

        Assert.Contains($"already replayed {PipelineNames.DeadLetterContainer}: deadletter/twice.txt", second.Output);
        Assert.Equal(afterFirst, (await article.GetPropertiesAsync()).Value.ETag);
        Assert.False(await DeadLetters.GetBlobClient("pipeline/INGEST-ARTICLE/2026/12/3/10/twice.json").ExistsAsync());
    }

    [Fact]
    public async Task A_dead_lettered_deletion_is_queued_as_the_event_it_was_and_retracts_the_article_once()
    {
        var (upload, blob) = await TestMessages.SummarisedThenDeletedAsync(azurite, "deadletter/withdrawn.txt", "Minister resigns\n\nThe finance minister of Peru resigned in Lima on Friday.");
        await DeadLetterAsync("pipeline/RETRACT-ARTICLE/2026/12/3/11/deleted.json", DeletedEvent(blob));

        var replay = await Cli.RunAsync(ReplayCommand.Create(), "--dead-letter", "--storage", azurite.ConnectionString);

        Assert.Contains($"replayed         {PipelineNames.DeadLetterContainer}: deadletter/withdrawn.txt (deletion, MaxDeliveryAttemptsExceeded)", replay.Output);
        var queued = (await azurite.Storage.Queue(PipelineNames.DeletedQueue).PeekMessagesAsync(32)).Value;
        var message = Assert.Single(queued);
        Assert.True(BlobDeletedEvents.TryRead(message.Body, out var deletions, out _));
        Assert.Equal((PipelineNames.ArticlesContainer, upload.Name), (deletions[0].Container, deletions[0].Name));
        // Re-queued as Event Grid delivers it: the dead-letter properties are not part of the event.
        Assert.DoesNotContain("deadLetterReason", message.Body.ToString());

        // The restarted host also finds the blob gone on its own: two announcements, one retraction.
        var summary = await TestMessages.SummaryAfterDeletionsAsync(azurite);
        Assert.Equal((0, 1), (summary.ArticleCount, summary.RetractedCount));
    }
}
