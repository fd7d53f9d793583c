using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Operations.Dashboard;
using Pipeline.Local.Dashboard;
using Pipeline.Testing;

namespace Pipeline.Dashboard.Tests;

/// <summary>The API the page polls, over HTTP from the local server (the Functions app answers from the same DashboardApi).</summary>
public class DashboardApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Summary_articles_status_and_page_answer_with_etags_and_304_while_unchanged()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        await using var server = await DashboardServer.StartAsync(pipeline.Services.GetRequiredService<DashboardApi>(), 0, [], CancellationToken.None);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseAddress, "api/") };

        using (var none = await http.GetAsync("summary"))
        {
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
            Assert.Equal("application/problem+json", none.Content.Headers.ContentType!.MediaType);
        }

        var first = await pipeline.UploadAsync("api/first.txt", "Talks resume\n\nTrade talks resumed in Geneva on Monday, negotiators from Switzerland said.");
        await pipeline.SettleAsync([first]);
        using var summary = await http.GetAsync("summary");
        Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
        Assert.Equal("no-cache", summary.Headers.CacheControl!.ToString());
        var etag = summary.Headers.ETag!;
        using (var document = JsonDocument.Parse(await summary.Content.ReadAsStringAsync()))
            Assert.Equal(1, document.RootElement.GetProperty("articleCount").GetInt32());

        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(http, "summary", etag.Tag)).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(http, "summary", "W/" + etag.Tag)).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(http, "summary", "\"other\", " + etag.Tag)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(http, "summary", "\"other\"")).StatusCode);

        // A new article changes the document, so the same If-None-Match now gets the new one.
        var second = await pipeline.UploadAsync("api/second.txt", "Bridge closes\n\nThe old bridge in Porto closed for repairs, the city council in Portugal said.");
        await pipeline.SettleAsync([second]);
        var changed = await Eventually.ReturnsAsync(() => GetAsync(http, "summary", etag.Tag), r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(20), "the summary to change");
        Assert.NotEqual(etag, changed.Headers.ETag);

        using var article = await http.GetAsync($"articles/{first.ArticleId}");
        Assert.Equal(HttpStatusCode.OK, article.StatusCode);
        using (var document = JsonDocument.Parse(await article.Content.ReadAsStringAsync()))
        {
            Assert.Equal(first.ArticleId, document.RootElement.GetProperty("articleId").GetString());
            Assert.Equal("Talks resume", document.RootElement.GetProperty("title").GetString());
        }
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(http, $"articles/{first.ArticleId}", article.Headers.ETag!.Tag)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("articles/0123456789abcdef0123456789abcdef")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("articles/not-an-id")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("articles/0123456789ABCDEF0123456789ABCDEF")).StatusCode);

        using var status = await http.GetAsync("status");
        using (var document = JsonDocument.Parse(await status.Content.ReadAsStringAsync()))
        {
            Assert.Equal(0, document.RootElement.GetProperty("quarantined").GetInt32());
            Assert.Equal(0, document.RootElement.GetProperty("poisoned").GetInt32());
            Assert.Equal(
                ["articles-deleted", "articles-deleted-poison", "articles-enriched", "articles-enriched-poison", "webjobs-blobtrigger-poison"],
                document.RootElement.GetProperty("queueDepths").EnumerateObject().Select(queue => queue.Name).Order());
        }
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(http, "status", status.Headers.ETag!.Tag)).StatusCode);

        using var page = await http.GetAsync("dashboard");
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("script-src 'sha256-", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(http, "dashboard", page.Headers.ETag!.Tag)).StatusCode);
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient http, string path, string ifNoneMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return http.SendAsync(request);
    }
}
