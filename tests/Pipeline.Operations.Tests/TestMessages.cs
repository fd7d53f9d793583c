using System.Text.Json;
using Azure.Storage.Blobs;
using Pipeline.Local.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Hosting;
using Pipeline.Summary;
using Pipeline.Ingestion.Enrichment;
using Pipeline.Runtime;
using Pipeline.Testing;

using Pipeline.Analysis.Offline;

namespace Pipeline.Operations.Tests;

/// <summary>Messages as they reach the poison queues: enriched articles, the blob trigger's failures, deletions.</summary>
internal static class TestMessages
{
    public static async Task<EnrichedArticle> EnrichAsync(AzuriteFixture azurite, string name, string text)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(PipelineNames.StorageConnection, azurite.ConnectionString)]).Build();
        await using var services = new ServiceCollection().AddLogging().AddPipeline(configuration).AddOfflineAnalyzer(configuration).BuildServiceProvider();
        return await services.GetRequiredService<ArticleEnricher>().EnrichAsync(
            new BlobSnapshot(PipelineNames.ArticlesContainer, name, "\"0x1\"", DateTimeOffset.UtcNow), System.Text.Encoding.UTF8.GetBytes(text), CancellationToken.None);
    }

    /// <summary>An article a host summarised and then stopped, whose blob is now deleted: what a lost deletion event is about.</summary>
    public static async Task<(UploadedArticle Upload, BlobClient Blob)> SummarisedThenDeletedAsync(AzuriteFixture azurite, string name, string text)
    {
        UploadedArticle upload;
        await using (var pipeline = await PipelineHarness.StartAsync(azurite))
        {
            upload = await pipeline.UploadAsync(name, text);
            await pipeline.SettleAsync([upload]);
        }
        var blob = azurite.Storage.Container(PipelineNames.ArticlesContainer).GetBlobClient(upload.Name);
        await blob.DeleteAsync();
        return (upload, blob);
    }

    /// <summary>
    /// Starts a host, which also finds deleted blobs on its own, and returns the summary once every deletion announcement
    /// was handled and folded.
    /// </summary>
    public static async Task<SummaryDocument> SummaryAfterDeletionsAsync(AzuriteFixture azurite)
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        await Eventually.ReturnsAsync(async () => (await azurite.Storage.Queue(PipelineNames.DeletedQueue).GetPropertiesAsync()).Value.ApproximateMessagesCount,
            depth => depth == 0, TimeSpan.FromSeconds(60), "every deletion announcement to be handled");
        await pipeline.Services.GetRequiredService<SummaryFolder>().FoldPendingAsync(CancellationToken.None);
        return (await pipeline.SummaryAsync())!;
    }

    /// <summary>The message the WebJobs blob trigger leaves in its poison queue after the last failed attempt.</summary>
    public static BinaryData BlobTrigger(string name, string etag, string container = PipelineNames.ArticlesContainer) => BinaryData.FromString(JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["Type"] = "BlobTrigger", ["FunctionId"] = "Host.Functions.IngestArticle", ["BlobType"] = "BlockBlob",
        ["ContainerName"] = container, ["BlobName"] = name, ["ETag"] = etag,
    }));
}
