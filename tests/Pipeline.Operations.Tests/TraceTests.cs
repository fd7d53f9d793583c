using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Pipeline.Runtime;
using Pipeline.Ingestion.Enrichment;
using Pipeline.Local.Commands;
using Pipeline.Testing;
using Pipeline.Local.Hosting;

namespace Pipeline.Operations.Tests;

/// <summary>One article, one trace: the summarize stage continues the ingest activity's trace across the queue.</summary>
public class TraceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task IngestArticle_and_SummarizeArticle_of_one_article_share_one_trace()
    {
        var spans = new List<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(PipelineTelemetry.Name).AddInMemoryExporter(spans).Build();
        await using var pipeline = await PipelineHarness.StartAsync(azurite);

        var upload = await pipeline.UploadAsync("traced/one.txt", "Vote counted\n\nThe vote in Lisbon was counted overnight, election officials in Portugal said.");
        Assert.Equal(ArticleState.Summarised, (await pipeline.SettleAsync([upload])).Single().State);

        // The article counts as summarised once its record is stored; the SummarizeArticle span ends after the fold that
        // follows, so it is waited for. Other test classes run pipelines at the same time: this article's spans are
        // picked by their tags.
        bool Summarized(Activity a) => a.DisplayName == "SummarizeArticle" && (string?)a.GetTagItem("article.id") == upload.ArticleId;
        var snapshot = await Eventually.ReturnsAsync(() =>
        {
            tracing.ForceFlush();
            lock (spans) return Task.FromResult<Activity[]>([.. spans]);
        }, s => s.Any(Summarized), TimeSpan.FromSeconds(20), "the SummarizeArticle span to end");
        var ingest = Assert.Single(snapshot, a => a.DisplayName == "IngestArticle" && (string?)a.GetTagItem("article.blob") == upload.Name);
        var summarize = Assert.Single(snapshot, Summarized);
        Assert.Equal(ingest.TraceId, summarize.TraceId);
        Assert.Equal(ingest.SpanId, summarize.ParentSpanId);
        Assert.Equal(ActivityKind.Consumer, summarize.Kind);

        // The carrier: the enriched document names the ingest activity as its traceparent.
        var enriched = (await azurite.Storage.Container(PipelineNames.EnrichedContainer).GetBlobClient(EnrichedArticleMessage.BlobName(upload.ArticleId)).DownloadContentAsync())
            .Value.Content.ToObjectFromJson(PipelineJson.Default.EnrichedArticle)!;
        Assert.Equal(ingest.Id, enriched.TraceParent);
        SchemaAssert.ValidEnrichedArticle(System.Text.Json.JsonSerializer.Serialize(enriched, PipelineJson.Default.EnrichedArticle));
    }
}
