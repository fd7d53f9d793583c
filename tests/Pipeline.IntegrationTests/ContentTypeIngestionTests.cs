using System.Text;
using Azure.Storage.Blobs.Models;
using Pipeline.Ingestion.Enrichment;
using Pipeline.Runtime;
using Pipeline.Local.Commands;
using Pipeline.Testing;
using Pipeline.Local.Hosting;

namespace Pipeline.IntegrationTests;

/// <summary>The ingest stage reads the blob's Content-Type: wire files without an extension, in the charset they declare.</summary>
public class ContentTypeIngestionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task An_extensionless_latin1_wire_file_is_summarised_by_its_declared_content_type()
    {
        await using var harness = await PipelineHarness.StartAsync(azurite);
        var wire = await UploadAsync("wire/afp-20261203", Encoding.Latin1.GetBytes("Grève à Zürich\n\nLes dockers ont repris le travail lundi."), "text/plain; charset=ISO-8859-1");
        var unknown = await UploadAsync("wire/afp-20261204", Encoding.UTF8.GetBytes("Title\n\nBody."), "application/octet-stream");

        var results = await harness.SettleAsync([wire, unknown]);

        Assert.Equal(ArticleState.Summarised, results.Single(r => r.Article == wire).State);
        Assert.Equal(ArticleState.Quarantined, results.Single(r => r.Article == unknown).State);
        Assert.Equal("UnsupportedFormat", results.Single(r => r.Article == unknown).Detail);
        var document = await azurite.Storage.Container(PipelineNames.EnrichedContainer).GetBlobClient(EnrichedArticleMessage.BlobName(wire.ArticleId)).DownloadContentAsync();
        var article = document.Value.Content.ToObjectFromJson(PipelineJson.Default.EnrichedArticle)!;
        Assert.Equal("txt", article.Source.Format);
        Assert.Equal("Grève à Zürich\n\nLes dockers ont repris le travail lundi.", article.Text);
    }

    private async Task<UploadedArticle> UploadAsync(string name, byte[] content, string contentType)
    {
        var response = await azurite.Storage.Container(PipelineNames.ArticlesContainer).GetBlobClient(name)
            .UploadAsync(new BinaryData(content), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } });
        return new UploadedArticle(name, ArticleIdentity.ArticleId(PipelineNames.ArticlesContainer, name), response.Value.ETag, response.Value.LastModified);
    }
}
