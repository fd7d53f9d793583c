using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Operations.Dashboard;
using Pipeline.Local.Dashboard;
using Pipeline.Testing;

namespace Pipeline.Dashboard.Tests;

/// <summary>What HTTP clients other than the page rely on: HEAD (RFC 9110) and CORS for dashboards on other origins.</summary>
public class DashboardHttpTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Head_answers_every_route_with_the_headers_of_get_and_no_body()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        await using var server = await DashboardServer.StartAsync(pipeline.Services.GetRequiredService<DashboardApi>(), 0, [], CancellationToken.None);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseAddress, "api/") };
        var article = await pipeline.UploadAsync("api/head.txt", "Ferry resumes\n\nThe ferry between Helsinki and Tallinn resumed service on Friday.");
        await pipeline.SettleAsync([article]);
        await Eventually.ReturnsAsync(() => http.GetAsync("summary"), r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(20), "the summary");

        foreach (string path in new[] { "summary", $"articles/{article.ArticleId}", "status", "dashboard", "articles/0123456789abcdef0123456789abcdef",
                     "entities?q=tall", "entities/iso3166%3AFI", "entities/location%3Anowhere", "openapi.json" })
        {
            using var get = await http.GetAsync(path);
            byte[] body = await get.Content.ReadAsByteArrayAsync();
            using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

            Assert.Equal(get.StatusCode, head.StatusCode);
            Assert.Equal(get.Headers.ETag, head.Headers.ETag);
            Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
            Assert.Equal(body.Length, head.Content.Headers.ContentLength);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
            if (get.Headers.ETag is { } etag)
            {
                var conditional = new HttpRequestMessage(HttpMethod.Head, path);
                conditional.Headers.IfNoneMatch.Add(etag);
                Assert.Equal(HttpStatusCode.NotModified, (await http.SendAsync(conditional)).StatusCode);
            }
        }
    }

    [Fact]
    public async Task Allowed_origins_may_read_the_api_from_a_browser_and_others_get_no_cors_headers()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        await using var server = await DashboardServer.StartAsync(pipeline.Services.GetRequiredService<DashboardApi>(), 0, ["https://grafana.example.com"], CancellationToken.None);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseAddress, "api/") };

        var preflight = new HttpRequestMessage(HttpMethod.Options, "status");
        preflight.Headers.Add("Origin", "https://grafana.example.com");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "if-none-match");
        using var allowed = await http.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal("https://grafana.example.com", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("if-none-match", allowed.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);

        var get = new HttpRequestMessage(HttpMethod.Get, "status");
        get.Headers.Add("Origin", "https://grafana.example.com");
        using var read = await http.SendAsync(get);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("https://grafana.example.com", read.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("ETag", read.Headers.GetValues("Access-Control-Expose-Headers").Single());

        var other = new HttpRequestMessage(HttpMethod.Get, "status");
        other.Headers.Add("Origin", "https://evil.example.net");
        using var refused = await http.SendAsync(other);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
