using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Pipeline.Hosting;
using Pipeline.Summary;
using Pipeline.Runtime;
using Pipeline.Testing;
using Pipeline.Analysis.Offline;

namespace Pipeline.Functions.Tests;

/// <summary>The functions' methods called directly, wired the way Program.cs wires them, against a real Azurite.</summary>
public class FunctionInvocationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    /// <summary>As Program.cs wires them, with the offline analyzer standing in for Azure AI Language.</summary>
    private ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))
                .Append(new(PipelineNames.StorageConnection, azurite.ConnectionString))).Build();
        return new ServiceCollection().AddLogging().AddPipeline(configuration).AddOfflineAnalyzer(configuration)
            .AddSingleton<IngestArticle>().AddSingleton<SummarizeArticles>().AddSingleton<RetractArticle>().AddSingleton<FoldSummary>()
            .BuildServiceProvider();
    }

    [Fact]
    public async Task Ingest_then_summarize_then_fold_counts_the_article()
    {
        await using var services = Services();
        var blob = azurite.Storage.Container(PipelineNames.ArticlesContainer).GetBlobClient("functions/one.txt");
        await blob.UploadAsync(BinaryData.FromString("Ceasefire holds\n\nThe ceasefire in Gaza held for a third day, officials in Cairo said."), overwrite: true);

        await services.GetRequiredService<IngestArticle>().Run(blob, CancellationToken.None);

        var queue = azurite.Storage.Queue(PipelineNames.EnrichedQueue);
        var received = (await queue.ReceiveMessagesAsync(32)).Value.Single();
        Assert.Contains("\"schemaVersion\":1", received.Body.ToString());
        await services.GetRequiredService<SummarizeArticles>().Run(received, CancellationToken.None);
        await services.GetRequiredService<FoldSummary>().Run(new TimerInfo(), CancellationToken.None);

        var head = await services.GetRequiredService<ArticleRecordStore>().GetHeadAsync(ArticleIdentity.ArticleId("articles", "functions/one.txt"), CancellationToken.None);
        Assert.True(head!.IsSummarised);
        var summary = await services.GetRequiredService<SummaryStore>().ReadLatestAsync(CancellationToken.None);
        Assert.Contains(summary!.LatestArticles, a => a.Title == "Ceasefire holds");
    }

    /// <summary>
    /// The docs' published BlobDeleted sample (Pipeline.Summary.Tests/Fixtures), one event per message as the queue
    /// destination writes it, pointed at a blob of this test's storage.
    /// </summary>
    private static BinaryData PublishedDeletion(string schema, Uri blob, string name)
    {
        string path = Path.Combine(RepositoryFiles.Root, "tests", "Pipeline.Summary.Tests", "Fixtures", $"blob-deleted.{schema}.json");
        var deleted = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsArray()[0]!.DeepClone();
        deleted["subject"] = $"/blobServices/default/containers/{PipelineNames.ArticlesContainer}/blobs/{name}";
        deleted["data"]!["url"] = blob.AbsoluteUri;
        return BinaryData.FromString(deleted.ToJsonString());
    }

    [Theory]
    [InlineData("eventgrid")]
    [InlineData("cloudevents")]
    public async Task A_published_blob_deleted_event_retracts_the_article_and_removes_its_document(string schema)
    {
        await using var services = Services();
        string name = $"functions/file-to-delete-{schema}.txt";
        var blob = azurite.Storage.Container(PipelineNames.ArticlesContainer).GetBlobClient(name);
        await blob.UploadAsync(BinaryData.FromString($"Story to spike ({schema})\n\nOfficials in Reykjavik said the harbour would reopen."), overwrite: true);
        await services.GetRequiredService<IngestArticle>().Run(blob, CancellationToken.None);
        var enriched = (await azurite.Storage.Queue(PipelineNames.EnrichedQueue).ReceiveMessagesAsync(32)).Value.Single();
        await services.GetRequiredService<SummarizeArticles>().Run(enriched, CancellationToken.None);
        await services.GetRequiredService<FoldSummary>().Run(new TimerInfo(), CancellationToken.None);
        var store = services.GetRequiredService<SummaryStore>();
        var before = (await store.ReadLatestAsync(CancellationToken.None))!;
        string articleId = ArticleIdentity.ArticleId(PipelineNames.ArticlesContainer, name);
        Assert.Contains(before.LatestArticles, a => a.ArticleId == articleId);

        await blob.DeleteAsync();
        var message = QueuesModelFactory.QueueMessage("deleted-1", "pop", PublishedDeletion(schema, blob.Uri, name), dequeueCount: 1);
        await services.GetRequiredService<RetractArticle>().Run(message, CancellationToken.None);

        var after = (await store.ReadLatestAsync(CancellationToken.None))!;
        Assert.Equal(before.ArticleCount - 1, after.ArticleCount);
        Assert.Equal(before.RetractedCount + 1, after.RetractedCount);
        Assert.DoesNotContain(after.LatestArticles, a => a.ArticleId == articleId);
        Assert.False((await azurite.Storage.Container(PipelineNames.EnrichedContainer).GetBlobClient(EnrichedArticleMessage.BlobName(articleId)).ExistsAsync()).Value);
        var head = await services.GetRequiredService<ArticleRecordStore>().GetHeadAsync(articleId, CancellationToken.None);
        Assert.Equal(DateTimeOffset.Parse("2017-11-07T20:09:22.5674003Z", System.Globalization.CultureInfo.InvariantCulture), head!.RetractedAt);
    }

    [Fact]
    public async Task A_message_that_is_not_an_enriched_article_goes_to_the_poison_queue_instead_of_being_retried()
    {
        await using var services = Services();
        var message = QueuesModelFactory.QueueMessage("id-1", "pop", BinaryData.FromString("{\"hello\":\"world\"}"), dequeueCount: 1);

        await services.GetRequiredService<SummarizeArticles>().Run(message, CancellationToken.None);

        var poisoned = (await azurite.Storage.Queue(PipelineNames.EnrichedPoisonQueue).PeekMessagesAsync(32)).Value;
        Assert.Contains(poisoned, m => m.Body.ToString() == "{\"hello\":\"world\"}");
    }

    [Fact]
    public async Task Invalid_options_stop_the_host_at_start_up()
    {
        using var host = new HostBuilder()
            .ConfigureServices(services => services.AddPipeline(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                [PipelineNames.StorageConnection] = azurite.ConnectionString,
                ["Pipeline:Ingestion:MaxArticleBytes"] = "0",
            }).Build()))
            .Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("MaxArticleBytes", error.Message);
    }
}
