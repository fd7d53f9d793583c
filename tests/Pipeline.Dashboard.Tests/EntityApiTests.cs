using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Local.Dashboard;
using Pipeline.Operations.Dashboard;
using Pipeline.Local.Hosting;
using Pipeline.Testing;

namespace Pipeline.Dashboard.Tests;

/// <summary>The drill-down API over the real local pipeline, every answer held to the OpenAPI description.</summary>
public class EntityApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly OpenApiDescription OpenApi = OpenApiDescription.Served();

    [Fact]
    public async Task Search_and_entity_answer_with_etags_304_404_and_400_as_described()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        await using var server = await DashboardServer.StartAsync(pipeline.Services.GetRequiredService<DashboardApi>(), 0, [], CancellationToken.None);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseAddress, "api/") };

        // Before the first fold there is nothing to find, and no entity.
        await ExpectAsync(http, "/api/entities", "entities?q=portugal", HttpStatusCode.OK);
        await ExpectAsync(http, "/api/entities/{id}", "entities/iso3166%3APT", HttpStatusCode.NotFound);

        var uploads = new List<UploadedArticle>
        {
            await pipeline.UploadAsync("drill/one.txt", "Bridge closes\n\nThe old bridge in Porto closed for repairs, the city council in Portugal said on Monday."),
            await pipeline.UploadAsync("drill/two.txt", "Wildfires\n\nFirefighters in Portugal fought wildfires near Lisbon, officials from Portugal said."),
            await pipeline.UploadAsync("drill/three.txt", "Rail strike\n\nA rail strike in Spain and Portugal stopped trains between Madrid and Lisbon."),
        };
        await pipeline.SettleAsync(uploads);
        await Eventually.ReturnsAsync(pipeline.SummaryAsync, s => s?.ArticleCount == 3, TimeSpan.FromSeconds(20), "the summary to count the articles");

        // Search: accents and case ignored, by name or surface form, with a category.
        using (var found = await ExpectAsync(http, "/api/entities", "entities?q=PORTUG&category=location", HttpStatusCode.OK))
        {
            var entity = Assert.Single(found.RootElement.GetProperty("entities").EnumerateArray());
            Assert.Equal(("iso3166:PT", "Portugal", 3), (entity.GetProperty("id").GetString(), entity.GetProperty("name").GetString(), entity.GetProperty("articles").GetInt32()));
        }
        using (var none = await ExpectAsync(http, "/api/entities", "entities?q=portugal&category=Person", HttpStatusCode.OK))
            Assert.Equal(0, none.RootElement.GetProperty("total").GetInt32());

        // The id is one percent-encoded path segment; a literal ':' is the same resource.
        using var encoded = await http.GetAsync("entities/iso3166%3APT");
        using var literal = await http.GetAsync("entities/iso3166:PT");
        Assert.Equal(HttpStatusCode.OK, encoded.StatusCode);
        Assert.Equal(encoded.Headers.ETag, literal.Headers.ETag);
        await OpenApi.AssertMatchesAsync("/api/entities/{id}", encoded);
        using (var portugal = JsonDocument.Parse(await encoded.Content.ReadAsStringAsync()))
        {
            var root = portugal.RootElement;
            Assert.Equal(("Location", 3), (root.GetProperty("category").GetString(), root.GetProperty("articles").GetInt32()));
            Assert.Equal(48, root.GetProperty("hourly").GetArrayLength());
            Assert.Equal(root.GetProperty("mentions").GetInt32(), root.GetProperty("hourly").EnumerateArray().Sum(h => h.GetProperty("mentions").GetInt32()));
            Assert.Equal(uploads.Select(u => u.ArticleId).Order(StringComparer.Ordinal),
                root.GetProperty("recentArticles").EnumerateArray().Select(a => a.GetProperty("articleId").GetString()!).Order(StringComparer.Ordinal));
            Assert.Contains(root.GetProperty("related").EnumerateArray(), r => r.GetProperty("id").GetString() == "geonames:2267057" && r.GetProperty("articles").GetInt32() == 2);
        }
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(http, "entities/iso3166%3APT", encoded.Headers.ETag!.Tag)).StatusCode);
        using var search = await http.GetAsync("entities?q=lisb");
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(http, "entities?q=lisb", search.Headers.ETag!.Tag)).StatusCode);

        // Unknown entity: 404 with a problem body; bad queries: 400.
        using (var unknown = await ExpectAsync(http, "/api/entities/{id}", "entities/location%3Anowhere", HttpStatusCode.NotFound))
            Assert.Contains("location:nowhere", unknown.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ExpectAsync(http, "/api/entities/{id}", "entities/iso3166%3APT?category=Person", HttpStatusCode.NotFound);
        await ExpectAsync(http, "/api/entities/{id}", "entities/iso3166%3APT?category=Planet", HttpStatusCode.BadRequest);
        await ExpectAsync(http, "/api/entities", "entities?category=Planet", HttpStatusCode.BadRequest);
        await ExpectAsync(http, "/api/entities", "entities?q=a&limit=0", HttpStatusCode.BadRequest);
        await ExpectAsync(http, "/api/entities", "entities?q=a&limit=ten", HttpStatusCode.BadRequest);
        await ExpectAsync(http, "/api/entities", "entities?q=" + new string('a', 101), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Every_route_the_hosts_serve_is_in_the_openapi_description_and_answers_as_described()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        await using var server = await DashboardServer.StartAsync(pipeline.Services.GetRequiredService<DashboardApi>(), 0, [], CancellationToken.None);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseAddress, "api/") };
        var article = await pipeline.UploadAsync("drill/described.txt", "Ferry resumes\n\nThe ferry between Helsinki and Tallinn resumed service on Friday, Finland said.");
        await pipeline.SettleAsync([article]);
        await Eventually.ReturnsAsync(pipeline.SummaryAsync, s => s?.ArticleCount >= 1, TimeSpan.FromSeconds(20), "the summary");

        Assert.Equal(server.Routes.Order(StringComparer.Ordinal), OpenApi.Routes.Order(StringComparer.Ordinal));
        var constants = typeof(DashboardApi).GetFields().Where(f => f.IsLiteral && f.Name.EndsWith("Route", StringComparison.Ordinal)).Select(f => "/api/" + (string)f.GetRawConstantValue()!);
        Assert.Equal(constants.Order(StringComparer.Ordinal), OpenApi.Routes.Order(StringComparer.Ordinal));

        foreach (var (route, path) in new[]
                 {
                     ("/api/summary", "summary"), ("/api/status", "status"), ("/api/dashboard", "dashboard"), ("/api/openapi.json", "openapi.json"),
                     ("/api/articles/{id}", $"articles/{article.ArticleId}"), ("/api/articles/{id}", "articles/0123456789abcdef0123456789abcdef"), ("/api/articles/{id}", "articles/bad"),
                     ("/api/entities", "entities?q=fin"), ("/api/entities/{id}", "entities/iso3166%3AFI"),
                 })
        {
            using var response = await http.GetAsync(path);
            await OpenApi.AssertMatchesAsync(route, response);
            if (response.Headers.ETag is { } etag)
                await OpenApi.AssertMatchesAsync(route, await GetAsync(http, path, etag.Tag));
        }
    }

    [Fact]
    public async Task The_description_check_rejects_an_answer_that_does_not_match()
    {
        static HttpResponseMessage Json(HttpStatusCode status, string body) =>
            new(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };

        await Assert.ThrowsAnyAsync<Exception>(() => OpenApi.AssertMatchesAsync("/api/entities/{id}", Json(HttpStatusCode.OK, """{"id":"geonames:2267057"}""")));
        await Assert.ThrowsAnyAsync<Exception>(() => OpenApi.AssertMatchesAsync("/api/entities", Json(HttpStatusCode.NotFound, """{"status":404,"detail":"x"}""")));
        await Assert.ThrowsAnyAsync<Exception>(() => OpenApi.AssertMatchesAsync("/api/nowhere", Json(HttpStatusCode.OK, "{}")));
        await OpenApi.AssertMatchesAsync("/api/entities", Json(HttpStatusCode.OK, """{"query":"a","total":0,"entities":[],"stateVersion":3}"""));
    }

    private static async Task<JsonDocument> ExpectAsync(HttpClient http, string route, string path, HttpStatusCode status)
    {
        using var response = await http.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        await OpenApi.AssertMatchesAsync(route, response);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient http, string path, string ifNoneMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return http.SendAsync(request);
    }
}
