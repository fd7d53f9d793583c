using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using Pipeline.Local.Emulator;

namespace Pipeline.Language.Tests;

/// <summary>The emulator answers the documented contract, enforces the documented limits and injects the faults it is told to.</summary>
public class LanguageEmulatorTests
{
    private const string Text = "President Zelensky met Chancellor Merz in Berlin on Monday. The talks went well.";

    private static async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> PostAsync(LanguageEmulator emulator, string kind, IEnumerable<(string Id, string Text)> documents,
        string? key = null, string stringIndexType = "Utf16CodeUnit", string path = "language/:analyze-text?api-version=2023-04-01")
    {
        using var client = new HttpClient { BaseAddress = emulator.BaseAddress };
        var body = new JsonObject
        {
            ["kind"] = kind,
            ["parameters"] = new JsonObject { ["modelVersion"] = "latest", ["stringIndexType"] = stringIndexType },
            ["analysisInput"] = new JsonObject { ["documents"] = new JsonArray(documents.Select(d => (JsonNode)new JsonObject { ["id"] = d.Id, ["text"] = d.Text, ["language"] = "en" }).ToArray()) },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        if (key is not null) request.Headers.Add("Ocp-Apim-Subscription-Key", key);
        var response = await client.SendAsync(request);
        string content = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, content.Length == 0 ? null : JsonNode.Parse(content), response);
    }

    [Theory]
    [InlineData("EntityRecognition")]
    [InlineData("SentimentAnalysis")]
    [InlineData("KeyPhraseExtraction")]
    [InlineData("LanguageDetection")]
    public async Task Every_kind_answers_in_the_documented_shape_with_billing(string kind)
    {
        await using var emulator = await LanguageEmulator.StartAsync(new LanguageEmulatorOptions());

        var (status, body, response) = await PostAsync(emulator, kind, [("1", Text), ("2", new string('x', 1500))]);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(kind + "Results", (string)body!["kind"]!);
        Assert.Equal("CognitiveServices.TextAnalytics.TextRecords=3", response.Headers.GetValues("csp-billing-usage").Single());
        var document = body["results"]!["documents"]!.AsArray().Single(d => (string)d!["id"]! == "1")!;
        switch (kind)
        {
            case "EntityRecognition":
                var entities = document["entities"]!.AsArray();
                Assert.Contains(entities, e => (string)e!["text"]! == "Berlin" && (string)e["category"]! == "Location");
                Assert.All(entities, e => Assert.Equal((string)e!["text"]!, Text.Substring((int)e["offset"]!, (int)e["length"]!)));
                break;
            case "SentimentAnalysis":
                Assert.Contains((string)document["sentiment"]!, new[] { "positive", "neutral", "negative", "mixed" });
                Assert.Equal(2, document["sentences"]!.AsArray().Count);
                Assert.All(document["sentences"]!.AsArray(), s => Assert.Equal((string)s!["text"]!, Text.Substring((int)s["offset"]!, (int)s["length"]!)));
                break;
            case "KeyPhraseExtraction":
                Assert.NotEmpty(document["keyPhrases"]!.AsArray());
                break;
            case "LanguageDetection":
                Assert.Equal("en", (string)document["detectedLanguage"]!["iso6391Name"]!);
                break;
        }
    }

    [Theory]
    [InlineData("EntityRecognition", 6)]
    [InlineData("SentimentAnalysis", 11)]
    [InlineData("KeyPhraseExtraction", 11)]
    public async Task Too_many_documents_for_the_kind_is_a_400_InvalidDocumentBatch(string kind, int documents)
    {
        await using var emulator = await LanguageEmulator.StartAsync(new LanguageEmulatorOptions());

        var (status, body, _) = await PostAsync(emulator, kind, Enumerable.Range(0, documents).Select(i => ($"{i}", Text)));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("InvalidDocumentBatch", (string)body!["error"]!["innererror"]!["code"]!);
    }

    [Fact]
    public async Task A_document_over_5120_text_elements_fails_alone_with_InvalidDocument()
    {
        await using var emulator = await LanguageEmulator.StartAsync(new LanguageEmulatorOptions());
        // 5,121 text elements though far more UTF-16 units: the limit counts graphemes.
        string tooLong = string.Concat(Enumerable.Repeat("e\u0301", 5121));

        var (status, body, _) = await PostAsync(emulator, "EntityRecognition", [("ok", Text), ("long", tooLong), ("fits", string.Concat(Enumerable.Repeat("👩‍👩‍👧", 5120)))]);

        Assert.Equal(HttpStatusCode.OK, status);
        var error = Assert.Single(body!["results"]!["errors"]!.AsArray())!;
        Assert.Equal("long", (string)error["id"]!);
        Assert.Equal("InvalidDocument", (string)error["error"]!["innererror"]!["code"]!);
        Assert.Equal(["ok", "fits"], body["results"]!["documents"]!.AsArray().Select(d => (string)d!["id"]!));
    }

    [Fact]
    public async Task A_configured_key_is_required_and_other_string_index_types_or_paths_are_refused()
    {
        await using var emulator = await LanguageEmulator.StartAsync(new LanguageEmulatorOptions { Key = "secret" });

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(emulator, "EntityRecognition", [("1", Text)])).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(emulator, "EntityRecognition", [("1", Text)], key: "wrong")).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(emulator, "EntityRecognition", [("1", Text)], key: "secret")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(emulator, "EntityRecognition", [("1", Text)], key: "secret", stringIndexType: "TextElements_v8")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(emulator, "EntityRecognition", [("1", Text)], key: "secret", path: "text/analytics/v3.1/entities/recognition/general")).Status);
    }

    [Fact]
    public async Task The_per_minute_limit_answers_429_with_Retry_After_once_spent()
    {
        await using var emulator = await LanguageEmulator.StartAsync(new LanguageEmulatorOptions { ThrottleRequestsPerMinute = 3 });

        for (int i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(emulator, "KeyPhraseExtraction", [("1", Text)])).Status);
        var (status, body, response) = await PostAsync(emulator, "KeyPhraseExtraction", [("1", Text)]);

        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.InRange(response.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.Contains("retry after", (string)body!["error"]!["message"]!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(new LanguageEmulatorStats(4, 3, 1, 0, 0, 3), emulator.Stats);
    }

    [Fact]
    public async Task Random_faults_follow_the_configured_shares_and_repeat_with_the_seed()
    {
        var options = new LanguageEmulatorOptions { ThrottleRate = 0.3, UnavailableRate = 0.1, RetryAfter = TimeSpan.FromMilliseconds(250), Seed = 7 };
        async Task<List<HttpStatusCode>> RunAsync()
        {
            await using var emulator = await LanguageEmulator.StartAsync(options);
            var statuses = new List<HttpStatusCode>();
            for (int i = 0; i < 200; i++)
            {
                var (status, _, response) = await PostAsync(emulator, "LanguageDetection", [("1", "Hello")]);
                if (status == HttpStatusCode.TooManyRequests)
                    Assert.Equal("250", response.Headers.GetValues("retry-after-ms").Single());
                statuses.Add(status);
            }
            return statuses;
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Equal(first, second);
        Assert.InRange(first.Count(s => s == HttpStatusCode.TooManyRequests), 40, 80);
        Assert.InRange(first.Count(s => s == HttpStatusCode.ServiceUnavailable), 8, 35);
    }
}
