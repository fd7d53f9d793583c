using System.Text;
using Pipeline.Operations.Dashboard;
using Pipeline.Ingestion.Enrichment;
using Pipeline.Runtime;
using Pipeline.Summary;
using Pipeline.Local.Commands;
using Pipeline.Testing;
using Pipeline.Local.Hosting;

namespace Pipeline.Operations.Tests;

/// <summary>
/// Poison queues holding messages the pipeline cannot read, as the queue triggers leave them: one put on without Base64
/// is moved to poison as it was, and one our handlers reject is moved as it was decoded.
/// </summary>
public class UnreadablePoisonReplayTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string PlainJson = """{"schemaVersion":1,"articleId":"0123456789abcdef0123456789abcdef"}""";

    [Fact]
    public async Task Replay_reports_unreadable_messages_with_their_reasons_replays_the_good_ones_once_and_status_lists_them()
    {
        var enrichedPoison = azurite.Storage.Queue(PipelineNames.EnrichedPoisonQueue);
        var blobPoison = azurite.Storage.Queue(PipelineNames.BlobPoisonQueue);
        var article = await TestMessages.EnrichAsync(azurite, "unreadable/good.txt", "Port reopens\n\nThe port of Gdansk reopened on Monday after a storm, officials in Poland said.");
        await enrichedPoison.SendMessageAsync(BinaryData.FromObjectAsJson(article, PipelineJson.SerializerOptions));
        await azurite.Storage.UndecodedQueue(PipelineNames.EnrichedPoisonQueue).SendMessageAsync(PlainJson);
        await enrichedPoison.SendMessageAsync(BinaryData.FromString("just some text"));
        await enrichedPoison.SendMessageAsync(BinaryData.FromString("""{"hello":"world"}"""));
        await enrichedPoison.SendMessageAsync(BinaryData.FromString(PlainJson.Replace("\"schemaVersion\":1", "\"schemaVersion\":2", StringComparison.Ordinal)));

        var blob = azurite.Storage.Container(PipelineNames.ArticlesContainer).GetBlobClient("unreadable/blob.txt");
        var failed = (await blob.UploadAsync(BinaryData.FromString("Flights resume\n\nFlights from Lisbon resumed on Sunday, the airport in Portugal said."), overwrite: true)).Value.ETag;
        await blobPoison.SendMessageAsync(TestMessages.BlobTrigger("unreadable/blob.txt", failed.ToString()));
        await azurite.Storage.UndecodedQueue(PipelineNames.BlobPoisonQueue).SendMessageAsync(TestMessages.BlobTrigger("unreadable/plain.txt", failed.ToString()).ToString());
        await blobPoison.SendMessageAsync(TestMessages.BlobTrigger("secret.json", failed.ToString(), container: PipelineNames.SummariesContainer));

        var replay = await Cli.RunAsync(ReplayCommand.Create(), "--poison", "--storage", azurite.ConnectionString);
        var again = await Cli.RunAsync(ReplayCommand.Create(), "--poison", "--storage", azurite.ConnectionString);

        Assert.Equal(0, replay.ExitCode);
        Assert.Contains($"replayed         {PipelineNames.EnrichedPoisonQueue}: {article.ArticleId}", replay.Output);
        Assert.Contains($"replayed         {PipelineNames.BlobPoisonQueue}: unreadable/blob.txt", replay.Output);
        var unreplayable = Lines(replay.Output, "unreplayable ");
        Assert.Equal(6, unreplayable.Count);
        Assert.Equal(2, unreplayable.Count(l => l.Contains("(not Base64", StringComparison.Ordinal)));
        Assert.Equal(3, unreplayable.Count(l => l.Contains($"{PipelineNames.EnrichedPoisonQueue}: ", StringComparison.Ordinal) && l.Contains("(not an enriched article: ", StringComparison.Ordinal)));
        Assert.Equal(2, unreplayable.Count(l => l.Contains("schemaVersion 1", StringComparison.Ordinal)));
        Assert.Single(unreplayable, l => l.Contains($"names container '{PipelineNames.SummariesContainer}'", StringComparison.Ordinal));
        Assert.Contains("replayed: 2, unreplayable: 6", replay.Output);

        // The unreadable ones are left in place, visible again; the good ones went exactly once.
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("unreplayable: 6", again.Output);
        Assert.DoesNotContain("replayed ", again.Output);
        Assert.Equal(1, (await azurite.Storage.Queue(PipelineNames.EnrichedQueue).GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Equal(6, (await new PipelineInspector(azurite.Storage).PeekPoisonAsync(CancellationToken.None)).Count(m => m.Unreplayable is not null));
        Assert.True((await blob.GetPropertiesAsync()).Value.Metadata.ContainsKey("replayof"));

        var status = await Cli.RunAsync(StatusCommand.Create(), "--storage", azurite.ConnectionString);
        Assert.Equal(0, status.ExitCode);
        Assert.Contains("Poisoned:            6", status.Output);
        Assert.Contains("Unreplayable poison messages", status.Output);
        Assert.Equal(6, Lines(status.Output, PipelineNames.EnrichedPoisonQueue + " ", PipelineNames.BlobPoisonQueue + " ").Count(l => l.Contains(" not ", StringComparison.Ordinal)));

        var api = await new DashboardApi(azurite.Storage, new PipelineInspector(azurite.Storage), new ArticleRecordStore(azurite.Storage), new SummaryStore(azurite.Storage), new SummaryAggregator(new SummaryOptions()), Microsoft.Extensions.Logging.Abstractions.NullLogger<DashboardApi>.Instance).GetStatusAsync(null, CancellationToken.None);
        Assert.Equal(200, api.StatusCode);
        Assert.Contains("\"poisoned\":6", Encoding.UTF8.GetString(api.Body.Span));
    }

    private static List<string> Lines(string output, params string[] prefixes) =>
        output.Split('\n', StringSplitOptions.TrimEntries).Where(l => prefixes.Any(p => l.StartsWith(p, StringComparison.Ordinal))).ToList();
}

/// <summary>The scanner's start-up peeks both poison queues; an unreadable message there must not stop it announcing uploads.</summary>
public class ScannerWithUnreadablePoisonTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task The_scanner_announces_new_uploads_with_a_message_that_is_not_Base64_in_each_poison_queue()
    {
        foreach (string queue in PoisonQueues.Names)
            await azurite.Storage.UndecodedQueue(queue).SendMessageAsync("""{"BlobName":"plain.txt","articleId":"plain"}""");

        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var uploads = new[]
        {
            await pipeline.UploadAsync("scanner/one.txt", "Harbour expands\n\nThe harbour in Rotterdam will expand next year, the city council in the Netherlands said."),
            await pipeline.UploadAsync("scanner/two.txt", "Library opens\n\nA new library opened in Tartu on Friday, the mayor of the Estonian city said."),
        };

        var settled = await pipeline.SettleAsync(uploads, TimeSpan.FromSeconds(60));
        Assert.All(settled, r => Assert.Equal(ArticleState.Summarised, r.State));
        Assert.Equal(1, (await azurite.Storage.UndecodedQueue(PipelineNames.EnrichedPoisonQueue).GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Equal(1, (await azurite.Storage.UndecodedQueue(PipelineNames.BlobPoisonQueue).GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }
}
