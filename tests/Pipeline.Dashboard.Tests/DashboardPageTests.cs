using System.Globalization;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Pipeline.Operations.Dashboard;
using Pipeline.Local.Commands;
using Pipeline.Local.Dashboard;
using Pipeline.Testing;
using static Microsoft.Playwright.Assertions;
using Pipeline.Local.Hosting;

namespace Pipeline.Dashboard.Tests;

/// <summary>The dashboard in a real browser over the real local pipeline: the seeds, the bad seeds, then one live article.</summary>
public class DashboardPageTests(AzuriteFixture azurite, ChromiumFixture chromium) : IClassFixture<AzuriteFixture>, IClassFixture<ChromiumFixture>
{
    private static readonly string Artefacts = Path.Combine(AppContext.BaseDirectory, "TestResults");
    private static readonly string[] Labels = ["positive", "neutral", "negative", "mixed"];

    [Fact]
    public async Task Shows_the_summary_and_status_numbers_updates_itself_and_passes_axe()
    {
        SetDefaultExpectTimeout(15_000);
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        await using var server = await DashboardServer.StartAsync(pipeline.Services.GetRequiredService<DashboardApi>(), 0, [], CancellationToken.None);
        var uploads = new List<UploadedArticle>();
        foreach (string file in RepositoryFiles.GoodSeedFiles())
            uploads.Add(await pipeline.UploadFileAsync(file));
        foreach (string file in Directory.GetFiles(RepositoryFiles.BadSeeds))
            uploads.Add(await pipeline.UploadFileAsync(file, "bad/" + Path.GetFileName(file)));
        await pipeline.SettleAsync(uploads);
        var summary = (await Eventually.ReturnsAsync(pipeline.SummaryAsync, s => s?.ArticleCount == 17, TimeSpan.FromSeconds(20), "the summary to count the seeds"))!;

        var page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var notModified = page.WaitForResponseAsync(r => r.Url.EndsWith("/api/summary", StringComparison.Ordinal) && r.Status == 304);
        await page.GotoAsync(server.PageAddress.ToString());

        await ExpectSummaryAsync(page, summary);
        await Expect(page.Locator("#quarantined-count")).ToHaveTextAsync("9");
        await Expect(page.Locator("#poisoned-count")).ToHaveTextAsync("0");
        foreach (var (reason, count) in new Dictionary<string, int>
                 {
                     ["Binary"] = 1, ["Empty"] = 2, ["MalformedJson"] = 2, ["MissingBody"] = 1, ["NoText"] = 1, ["Undecodable"] = 1, ["UnsupportedFormat"] = 1,
                 })
            await Expect(page.Locator($"#quarantine-table tr[data-reason='{reason}'] td")).ToHaveTextAsync(count.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("#quarantine-table tbody tr")).ToHaveCountAsync(7);
        await Expect(page.Locator("#entity-tables table[data-category='Location'] tbody")).ToContainTextAsync("Europe");

        // Polling revalidates: while nothing changes the summary comes back as 304 Not Modified.
        await notModified.WaitAsync(TimeSpan.FromSeconds(10));

        // A new article appears without a reload.
        const string title = "Lighthouse relit";
        var live = await pipeline.UploadAsync("live/lighthouse.txt", title + "\n\nThe old lighthouse at Cape Town was relit on Sunday after a long restoration, officials in South Africa said.");
        await Expect(page.Locator("#latest-table tbody tr", new PageLocatorOptions { HasText = title })).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
        await Expect(page.Locator("#article-count")).ToHaveTextAsync("18");
        var updated = (await pipeline.SummaryAsync())!;
        await ExpectSummaryAsync(page, updated);
        Assert.Equal(live.ArticleId, await page.Locator("#latest-table tbody tr").First.GetAttributeAsync("data-article-id"));
        await Expect(page.Locator("#retracted-count")).ToHaveTextAsync("0");

        // A deleted article leaves the page without a reload.
        await pipeline.Tracker.DeleteAsync(live.Name, CancellationToken.None);
        await Expect(page.Locator("#retracted-count")).ToHaveTextAsync("1", new LocatorAssertionsToHaveTextOptions { Timeout = 30_000 });
        await Expect(page.Locator("#article-count")).ToHaveTextAsync("17");
        await Expect(page.Locator("#latest-table tbody tr", new PageLocatorOptions { HasText = title })).ToHaveCountAsync(0);
        await ExpectSummaryAsync(page, (await pipeline.SummaryAsync())!);

        // The trending panel lists the summary's trending entities (every seed is new this hour, so some trend); each opens the entity's page.
        var api = pipeline.Services.GetRequiredService<DashboardApi>();
        var settled = (await pipeline.SummaryAsync())!;
        var trending = settled.Trending!;
        Assert.NotEmpty(trending);
        await Expect(page.Locator("#trending-table tbody tr")).ToHaveCountAsync(trending.Count);
        Assert.Equal(trending.Select(t => t.Text), await page.Locator("#trending-table tbody tr th").AllTextContentsAsync());
        await page.Locator("#trending-table tbody tr th a").First.ClickAsync();
        await ExpectEntityAsync(page, api, trending[0].Id!, settled.StateVersion);
        Assert.EndsWith("#entity/" + Uri.EscapeDataString(trending[0].Id!) + "/" + trending[0].Category, page.Url, StringComparison.Ordinal);

        // So does an entity in the top lists; a co-occurring entity on the page opens its own.
        await page.Locator("#entity-tables table[data-category='Location'] a", new PageLocatorOptions { HasTextString = "Europe" }).ClickAsync();
        await ExpectEntityAsync(page, api, "location:europe", settled.StateVersion);
        await Expect(page.Locator("#entity-name")).ToBeFocusedAsync();
        string relatedId = (await page.Locator("#entity-related li[data-entity-id]").First.GetAttributeAsync("data-entity-id"))!;
        await page.Locator("#entity-related li[data-entity-id] a").First.ClickAsync();
        await ExpectEntityAsync(page, api, relatedId, settled.StateVersion);

        Directory.CreateDirectory(Artefacts);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artefacts, "dashboard-laptop.png"), FullPage = true });
        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target))}").ToList();
        Assert.True(serious.Count == 0, "Serious or critical accessibility violations:\n" + string.Join('\n', serious));

        // On a phone the page reflows instead of scrolling sideways.
        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways on a 390 px wide screen.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artefacts, "dashboard-phone.png"), FullPage = true });
    }

    /// <summary>
    /// The entity page against what GET /api/entities/{id} answers for the entity from the summary's state (the API may
    /// answer a request or two from the state before while it reads the new one; the page asks again until it has it).
    /// </summary>
    private static async Task ExpectEntityAsync(IPage page, DashboardApi api, string id, long stateVersion)
    {
        static long Version(ApiResponse r)
        {
            using var body = System.Text.Json.JsonDocument.Parse(r.Body);
            return body.RootElement.GetProperty("stateVersion").GetInt64();
        }
        var response = await Eventually.ReturnsAsync(() => api.GetEntityAsync(id, null, null, CancellationToken.None), r => r.StatusCode == 200 && Version(r) == stateVersion,
            TimeSpan.FromSeconds(10), $"the entity API to answer {id} from state {stateVersion}", r => $"{r.StatusCode}");
        using var document = System.Text.Json.JsonDocument.Parse(response.Body);
        var entity = document.RootElement;
        await Expect(page.Locator("#entity")).ToBeVisibleAsync();
        await Expect(page.Locator("#entity-name")).ToHaveTextAsync(entity.GetProperty("name").GetString()!);
        await Expect(page.Locator("#entity-articles")).ToHaveTextAsync(entity.GetProperty("articles").GetInt32().ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("#entity-mentions")).ToHaveTextAsync(entity.GetProperty("mentions").GetInt32().ToString(CultureInfo.InvariantCulture));
        int hours = entity.GetProperty("hourly").EnumerateArray().Count(h => h.GetProperty("mentions").GetInt32() > 0);
        await Expect(page.Locator("#entity-chart rect")).ToHaveCountAsync(hours);
        await Expect(page.Locator("#entity-hourly-table tbody tr")).ToHaveCountAsync(hours);
        Assert.Equal(entity.GetProperty("recentArticles").EnumerateArray().Select(a => a.GetProperty("articleId").GetString()),
            await page.Locator("#entity-recent li[data-article-id]").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.articleId)"));
        Assert.Equal(entity.GetProperty("related").EnumerateArray().Select(r => r.GetProperty("id").GetString()),
            await page.Locator("#entity-related li[data-entity-id]").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.entityId)"));
    }

    /// <summary>Every number the page shows from the summary document, compared with the document itself.</summary>
    private static async Task ExpectSummaryAsync(IPage page, SummaryDocument summary)
    {
        await Expect(page.Locator("#article-count")).ToHaveTextAsync(summary.ArticleCount.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("#retracted-count")).ToHaveTextAsync(summary.RetractedCount.ToString(CultureInfo.InvariantCulture));
        int[] split = [summary.Sentiment.Positive, summary.Sentiment.Neutral, summary.Sentiment.Negative, summary.Sentiment.Mixed];
        for (int i = 0; i < Labels.Length; i++)
            await Expect(page.Locator($"#split-table tr[data-sentiment='{Labels[i]}'] td").First).ToHaveTextAsync(split[i].ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("#split-chart rect")).ToHaveCountAsync(split.Count(n => n > 0));

        // The hourly chart: one bar segment per non-empty (hour, sentiment), described in words, with the same data as a table.
        int segments = summary.Hourly.Sum(h => new[] { h.Sentiment.Positive, h.Sentiment.Neutral, h.Sentiment.Negative, h.Sentiment.Mixed }.Count(n => n > 0));
        await Expect(page.Locator("#timeline-chart rect")).ToHaveCountAsync(segments);
        await Expect(page.Locator("#timeline-chart svg[role='img'] desc")).ToContainTextAsync($"{summary.ArticleCount} articles in all");
        var hourlyCounts = await page.Locator("#hourly-table tbody tr td:nth-of-type(1)").AllTextContentsAsync();
        Assert.Equal(summary.ArticleCount, hourlyCounts.Sum(int.Parse));

        await Expect(page.Locator("#latest-table tbody tr")).ToHaveCountAsync(summary.LatestArticles.Count);
        Assert.Equal(summary.LatestArticles.Select(a => a.ArticleId), await page.Locator("#latest-table tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.articleId)"));
        Assert.Equal(summary.LatestArticles.Select(a => a.Title), await page.Locator("#latest-table tbody tr td:first-child").AllTextContentsAsync());
    }
}
