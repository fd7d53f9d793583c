using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Hosting;
using Pipeline.Summary;
using Pipeline.Ingestion.Enrichment;
using Pipeline.Runtime;
using Pipeline.Testing;

using Pipeline.Analysis.Offline;

namespace Pipeline.Operations.Tests;

/// <summary>Messages as they reach the poison queues: enriched articles, the blob trigger's failures.</summary>
internal static class TestMessages
{
    public static async Task<EnrichedArticle> EnrichAsync(AzuriteFixture azurite, string name, string text)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(PipelineNames.StorageConnection, azurite.ConnectionString)]).Build();
        await using var services = new ServiceCollection().AddLogging().AddPipeline(configuration).AddOfflineAnalyzer(configuration).BuildServiceProvider();
        return await services.GetRequiredService<ArticleEnricher>().EnrichAsync(
            new BlobSnapshot(PipelineNames.ArticlesContainer, name, "\"0x1\"", DateTimeOffset.UtcNow), System.Text.Encoding.UTF8.GetBytes(text), CancellationToken.None);
    }

    /// <summary>The message the WebJobs blob trigger leaves in its poison queue after the last failed attempt.</summary>
    public static BinaryData BlobTrigger(string name, string etag, string container = PipelineNames.ArticlesContainer) => BinaryData.FromString(JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["Type"] = "BlobTrigger", ["FunctionId"] = "Host.Functions.IngestArticle", ["BlobType"] = "BlockBlob",
        ["ContainerName"] = container, ["BlobName"] = name, ["ETag"] = etag,
    }));
}
