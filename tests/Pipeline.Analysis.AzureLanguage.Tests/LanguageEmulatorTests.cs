using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Pipeline.Local.Emulator;

namespace Pipeline.Analysis.AzureLanguage.Tests;

/// <summary>The emulator answers the documented contract, enforces the documented limits and injects the faults it is told to.</summary>
public class LanguageEmulatorTests
{
    private const string Text = "President Zelensky met Chancellor Merz in Berlin on Monday. The talks went well.";

    private static Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> PostAsync(LanguageEmulator emulator, string kind, IEnumerable<(string Id, string Text)> documents,
        string? key = null, string path = "language/:analyze-text?api-version=2023-04-01")
    {
        var body = new JsonObject
        {
            ["kind"] = kind,
            ["parameters"] = new JsonObject { ["modelVersion"] = "latest", ["stringIndexType"] = "Utf16CodeUnit" },
            ["analysisInput"] = new JsonObject { ["documents"] = new JsonArray(documents.Select(d => (JsonNode)new JsonObject { ["id"] = d.Id, ["text"] = d.Text, ["language"] = "en" }).ToArray()) },
        };
        return PostAsync(emulator, body.ToJsonString(), key, path);
    }

    /// <summary>Compares JSON text, whatever characters either side escapes.</summary>
    private static void AssertJson(string expected, JsonNode actual) => Assert.Equal(JsonNode.Parse(expected)!.ToJsonString(), actual.ToJsonString());

    private static async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> PostAsync(LanguageEmulator emulator, string json,
        string? key = null, string path = "language/:analyze-text?api-version=2023-04-01")
    {
        using var client = new HttpClient { BaseAddress = emulator.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
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
    [InlineData("EntityLinking")]
    public async Task Every_kind_answers_in_the_documented_shape_with_billing(string kind)
    {
        await using var emulator = await LanguageEmulator.StartAsync(new LanguageEmulatorOptions());

        var (status, body, response) = await PostAsync(emulator, kind, [("1", Text), ("2", new string('x', 1500))]);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(kind + "Results", (string)body!["kind"]!);
        Assert.Equal("CognitiveServices.TextAnalytics.TextRecords=3", response.Headers.GetValues("csp-billing-usage").Single());
        var document = body["results"]!["documents"]!.AsArray().Single(d => (string)d!["id"]! == "1")!;
        Assert.Empty(document["warnings"]!.AsArray());
        Assert.Empty(body["results"]!["errors"]!.AsArray());
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
            case "EntityLinking":
                // Berlin is a GeoNames place: linked by its geonameid, every mention a match at its offset.
                var berlin = Assert.Single(document["entities"]!.AsArray())!;
                Assert.Equal(("geonames", "2950159", "Berlin"), ((string)berlin["dataSource"]!, (string)berlin["id"]!, (string)berlin["name"]!));
                Assert.All(berlin["matches"]!.AsArray(), m => Assert.Equal("Berlin", Text.Substring((int)m!["offset"]!, (int)m["length"]!)));
                break;
        }
    }

    [Fact]
    public async Task EntityLinking_groups_every_mention_of_one_canonical_entity_under_it_with_offsets_in_the_requested_unit()
    {
        await using var emulator = await LanguageEmulator.StartAsync(new LanguageEmulatorOptions());
        const string text = "\U0001F600 The US and NATO met in Brussels. The United States said NATO would act.";

        var (status, body, _) = await PostAsync(emulator, "EntityLinking", [("1", text)]);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("EntityLinkingResults", (string)body!["kind"]!);
        var entities = body["results"]!["documents"]![0]!["entities"]!.AsArray();
        var byName = entities.ToDictionary(e => (string)e!["dataSource"]! + ":" + (string)e!["id"]!);
        var country = byName["iso3166:United States"]!;
        Assert.Equal("United States", (string)country["name"]!);
        Assert.Equal("en", (string)country["language"]!);
        Assert.Equal("", (string)country["url"]!);
        Assert.Equal(["US", "United States"], country["matches"]!.AsArray().Select(m => (string)m!["text"]!));
        Assert.Equal([7, 40], country["matches"]!.AsArray().Select(m => (int)m!["offset"]!));
        Assert.All(entities.SelectMany(e => e!["matches"]!.AsArray()), m => Assert.Equal((string)m!["text"]!, text.Substring((int)m["offset"]!, (int)m["length"]!)));
        Assert.Equal(2, byName.Single(e => e.Key.StartsWith("aliases:", StringComparison.Ordinal)).Value!["matches"]!.AsArray().Count);
        // A place links by its geonameid, so the client's id for it is the offline analyzer's (geonames:2800866).
        Assert.Equal(["Brussels"], byName["geonames:2800866"]!["matches"]!.AsArray().Select(m => (string)m!["text"]!));
        Assert.Equal("Brussels", (string)byName["geonames:2800866"]!["name"]!);
    }

    [Theory]
    [InlineData("EntityRecognition", 6)]
    [InlineData("SentimentAnalysis", 11)]
    [InlineData("KeyPhraseExtraction", 11)]
    [InlineData("EntityLinking", 6)]
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
    public async Task A_configured_key_is_required_and_other_paths_are_refused()
    {
        await using var emulator = await LanguageEmulator.StartAsync(new LanguageEmulatorOptions { Key = "secret" });

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(emulator, "EntityRecognition", [("1", Text)])).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(emulator, "EntityRecognition", [("1", Text)], key: "wrong")).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(emulator, "EntityRecognition", [("1", Text)], key: "secret")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(emulator, "EntityRecognition", [("1", Text)], key: "secret", path: "text/analytics/v3.1/entities/recognition/general")).Status);
        // The JavaScript SDK joins an endpoint ending in "/" to "/language/...".
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(emulator, "EntityRecognition", [("1", Text)], key: "secret", path: emulator.BaseAddress + "/language/:analyze-text?api-version=2023-04-01")).Status);
    }

    /// <summary>"é" as e + combining acute, then a ZWJ family (5 code points, 8 UTF-16 units) before the first entity.</summary>
    private const string Unicode = "e\u0301 \U0001F469\u200D\U0001F469\u200D\U0001F467 Angela Merkel visited Paris.";

    [Theory]
    [InlineData(null, 8)]
    [InlineData("TextElements_v8", 8)]
    [InlineData("UnicodeCodePoint", 9)]
    [InlineData("Utf16CodeUnit", 12)]
    public async Task Parameters_may_be_empty_and_offsets_count_in_the_string_index_type_asked_for(string? stringIndexType, int merkelOffset)
    {
        await using var emulator = await LanguageEmulator.StartAsync(new LanguageEmulatorOptions());
        var parameters = stringIndexType is null ? new JsonObject() : new JsonObject { ["stringIndexType"] = stringIndexType };
        string json = new JsonObject
        {
            ["kind"] = "EntityRecognition",
            ["parameters"] = parameters,
            ["analysisInput"] = new JsonObject { ["documents"] = new JsonArray(new JsonObject { ["id"] = "0", ["text"] = Unicode }) },
        }.ToJsonString();

        var (status, body, _) = await PostAsync(emulator, json);

        Assert.Equal(HttpStatusCode.OK, status);
        var merkel = body!["results"]!["documents"]![0]!["entities"]!.AsArray().Single(e => (string)e!["text"]! == "Angela Merkel")!;
        Assert.Equal(merkelOffset, (int)merkel["offset"]!);
        Assert.Equal(13, (int)merkel["length"]!);
    }

    [Theory]
    [InlineData("KeyPhraseExtraction", """{"id":"0","text":"The city council approved the new budget.","language":"en"}""")]
    [InlineData("LanguageDetection", """{"id":"0","text":"The city council approved the new budget.","countryHint":"us"}""")]
    public async Task Kinds_without_a_string_index_answer_a_request_without_parameters(string kind, string document)
    {
        await using var emulator = await LanguageEmulator.StartAsync(new LanguageEmulatorOptions());

        var (status, body, _) = await PostAsync(emulator, $$$$"""{"kind":"{{{{kind}}}}","analysisInput":{"documents":[{{{{document}}}}]},"parameters":{}}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var result = body!["results"]!["documents"]![0]!;
        Assert.Empty(result["warnings"]!.AsArray());
        if (kind == "LanguageDetection")
            Assert.Equal("""{"name":"English","iso6391Name":"en","confidenceScore":""" + (double)result["detectedLanguage"]!["confidenceScore"]! + "}",
                result["detectedLanguage"]!.ToJsonString());
        else
            Assert.Contains("budget", result["keyPhrases"]!.AsArray().Select(p => (string)p!));
    }

    [Fact]
    public async Task Duplicate_document_ids_are_a_400_InvalidDocument_in_the_service_shape()
    {
        await using var emulator = await LanguageEmulator.StartAsync(new LanguageEmulatorOptions());

        var (status, body, _) = await PostAsync(emulator, "SentimentAnalysis", [("1", Text), ("1", "Another text.")]);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("""{"error":{"code":"InvalidRequest","message":"Invalid Document in request.","innererror":{"code":"InvalidDocument","message":"Request contains duplicated Ids. Make sure each document has a unique Id."}}}""",
            body!.ToJsonString());
    }

    [Theory]
    [InlineData("SentimentAnalysis", "de", "en")]
    [InlineData("EntityRecognition", "ja", "de,en,es,fr,it,nl,pl,pt,ru,uk")]
    [InlineData("KeyPhraseExtraction", "notalanguage", "de,en,es,fr,it,nl,pl,pt,ru,uk")]
    public async Task An_unsupported_language_fails_that_document_alone_with_UnsupportedLanguageCode(string kind, string language, string supported)
    {
        await using var emulator = await LanguageEmulator.StartAsync(new LanguageEmulatorOptions());
        string json = $$$$"""{"kind":"{{{{kind}}}}","parameters":{},"analysisInput":{"documents":[{"id":"ok","text":"{{{{Text}}}}","language":"en"},{"id":"other","text":"Hallo Welt.","language":"{{{{language}}}}"}]}}""";

        var (status, body, response) = await PostAsync(emulator, json);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["ok"], body!["results"]!["documents"]!.AsArray().Select(d => (string)d!["id"]!));
        AssertJson($$$$"""{"id":"other","error":{"code":"InvalidArgument","message":"Invalid Language Code.","innererror":{"code":"UnsupportedLanguageCode","message":"Invalid language code '{{{{language}}}}'. Supported languages: {{{{supported}}}}. For additional details see https://aka.ms/language-service/language-support"}}}""",
            Assert.Single(body["results"]!["errors"]!.AsArray())!);
        Assert.Equal("CognitiveServices.TextAnalytics.TextRecords=1", response.Headers.GetValues("csp-billing-usage").Single());
    }

    [Fact]
    public async Task Opinion_mining_links_targets_to_their_assessments_by_pointer()
    {
        await using var emulator = await LanguageEmulator.StartAsync(new LanguageEmulatorOptions());
        string json = """
            {"kind":"SentimentAnalysis","parameters":{"opinionMining":true},"analysisInput":{"documents":[
              {"id":"a","text":"It was a rainy day.","language":"en"},
              {"id":"b","text":"The hotel was fine. The staff were not friendly and the food was delicious.","language":"en"}]}}
            """;

        var (status, body, _) = await PostAsync(emulator, json);

        Assert.Equal(HttpStatusCode.OK, status);
        var documents = body!["results"]!["documents"]!.AsArray();
        Assert.Equal("""{"targets":[],"assessments":[]}""", new JsonObject
        {
            ["targets"] = documents[0]!["sentences"]![0]!["targets"]!.DeepClone(),
            ["assessments"] = documents[0]!["sentences"]![0]!["assessments"]!.DeepClone(),
        }.ToJsonString());
        var sentence = documents[1]!["sentences"]![1]!;
        Assert.Equal(
            """[{"sentiment":"negative","confidenceScores":{"positive":0.1,"negative":0.9},"offset":24,"length":5,"text":"staff","relations":[{"relationType":"assessment","ref":"#/documents/1/sentences/1/assessments/0"}]},""" +
            """{"sentiment":"positive","confidenceScores":{"positive":0.94,"negative":0.06},"offset":56,"length":4,"text":"food","relations":[{"relationType":"assessment","ref":"#/documents/1/sentences/1/assessments/1"}]}]""",
            sentence["targets"]!.ToJsonString());
        Assert.Equal(
            """[{"sentiment":"negative","confidenceScores":{"positive":0.1,"negative":0.9},"offset":39,"length":8,"text":"friendly","isNegated":true},""" +
            """{"sentiment":"positive","confidenceScores":{"positive":0.94,"negative":0.06},"offset":65,"length":9,"text":"delicious","isNegated":false}]""",
            sentence["assessments"]!.ToJsonString());
    }

    [Fact]
    public async Task Without_opinion_mining_sentences_carry_no_targets_or_assessments()
    {
        await using var emulator = await LanguageEmulator.StartAsync(new LanguageEmulatorOptions());

        var (_, body, _) = await PostAsync(emulator, "SentimentAnalysis", [("1", "The food was delicious.")]);

        var sentence = body!["results"]!["documents"]![0]!["sentences"]![0]!.AsObject();
        Assert.False(sentence.ContainsKey("targets"));
        Assert.False(sentence.ContainsKey("assessments"));
    }

    [Fact]
    public async Task ShowStats_adds_document_and_batch_statistics()
    {
        await using var emulator = await LanguageEmulator.StartAsync(new LanguageEmulatorOptions());
        string json = new JsonObject
        {
            ["kind"] = "KeyPhraseExtraction",
            ["analysisInput"] = new JsonObject { ["documents"] = new JsonArray(
                new JsonObject { ["id"] = "1", ["text"] = new string('x', 1500) },
                new JsonObject { ["id"] = "2", ["text"] = Unicode },
                new JsonObject { ["id"] = "3", ["text"] = "" }) },
        }.ToJsonString();

        var (_, body, _) = await PostAsync(emulator, json, path: "language/:analyze-text?api-version=2023-04-01&showStats=true");

        var results = body!["results"]!;
        Assert.Equal("""{"documentsCount":3,"validDocumentsCount":2,"erroneousDocumentsCount":1,"transactionsCount":3}""", results["statistics"]!.ToJsonString());
        Assert.Equal(["""{"charactersCount":1500,"transactionsCount":2}""", """{"charactersCount":32,"transactionsCount":1}"""],
            results["documents"]!.AsArray().Select(d => d!["statistics"]!.ToJsonString()));
        var (_, withoutStats, _) = await PostAsync(emulator, json);
        Assert.False(withoutStats!["results"]!.AsObject().ContainsKey("statistics"));
    }

    [Fact]
    public async Task The_model_version_is_latest_or_the_offline_model_and_the_answer_names_the_model_used()
    {
        await using var emulator = await LanguageEmulator.StartAsync(new LanguageEmulatorOptions());
        string Request(string modelVersion) =>
            $$$$"""{"kind":"LanguageDetection","parameters":{"modelVersion":"{{{{modelVersion}}}}"},"analysisInput":{"documents":[{"id":"1","text":"Hello"}]}}""";

        var (_, latest, _) = await PostAsync(emulator, Request("latest"));
        string model = (string)latest!["results"]!["modelVersion"]!;
        var (pinnedStatus, _, _) = await PostAsync(emulator, Request(model));
        var (unknownStatus, unknown, _) = await PostAsync(emulator, Request("2022-10-01"));

        Assert.Equal("offline-" + Pipeline.Analysis.Offline.OfflineTextAnalyzer.Version, model);
        Assert.Equal(HttpStatusCode.OK, pinnedStatus);
        Assert.Equal(HttpStatusCode.BadRequest, unknownStatus);
        Assert.Equal("ModelVersionIncorrect", (string)unknown!["error"]!["innererror"]!["code"]!);
    }

    [Theory]
    [InlineData("""{"kind":"PiiEntityRecognition","analysisInput":{"documents":[{"id":"1","text":"x"}]}}""", "InvalidParameterValue")]
    [InlineData("""{"kind":"Summarize","analysisInput":{"documents":[{"id":"1","text":"x"}]}}""", "InvalidRequestBodyFormat")]
    [InlineData("""{"kind":"1","analysisInput":{"documents":[{"id":"1","text":"x"}]}}""", "InvalidRequestBodyFormat")]
    [InlineData("""{"kind":"EntityRecognition","parameters":{"stringIndexType":"Bytes"},"analysisInput":{"documents":[{"id":"1","text":"x"}]}}""", "InvalidParameterValue")]
    [InlineData("""{"kind":"EntityRecognition","analysisInput":{"documents":[{"id":1,"text":"x"}]}}""", "InvalidRequestBodyFormat")]
    [InlineData("""{"kind":"EntityRecognition","analysisInput":{"documents":[]}}""", "MissingInputDocuments")]
    [InlineData("""{"kind":"EntityRecognition",""", "InvalidRequestBodyFormat")]
    public async Task Requests_the_emulator_cannot_answer_get_a_service_shaped_400_without_internal_names(string json, string innerCode)
    {
        await using var emulator = await LanguageEmulator.StartAsync(new LanguageEmulatorOptions());

        var (status, body, response) = await PostAsync(emulator, json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = body!["error"]!.AsObject();
        Assert.Equal(["code", "message", "innererror"], error.Select(p => p.Key));
        Assert.Equal("InvalidRequest", (string)error["code"]!);
        Assert.Equal(["code", "message"], error["innererror"]!.AsObject().Select(p => p.Key));
        Assert.Equal(innerCode, (string)error["innererror"]!["code"]!);
        Assert.Equal(innerCode, response.Headers.GetValues("x-ms-error-code").Single());
        Assert.DoesNotContain("Pipeline.", body.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("System.", body.ToJsonString(), StringComparison.Ordinal);
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
        Assert.Equal(new LanguageEmulatorStats(4, 3, 1, 0, 0, 3, 3), emulator.Stats with { Kinds = null });
        Assert.Equal(new KindCount(3, 3), emulator.Stats.Kinds![LanguageKind.KeyPhraseExtraction]);
    }

    [Fact]
    public async Task The_per_minute_limit_is_one_budget_for_every_client_and_the_counts_are_served_to_other_processes()
    {
        await using var emulator = await LanguageEmulator.StartAsync(new LanguageEmulatorOptions { ThrottleRequestsPerMinute = 4 });

        // Two clients, each with its own connections, taking turns: together they have four requests a minute.
        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 6; i++)
            statuses.Add((await PostAsync(emulator, "EntityRecognition", [("a", Text), ("b", "Hello from Kyiv.")], key: $"client-{i % 2}")).Status);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        var stats = await LanguageEmulatorStats.ReadAsync(emulator.BaseAddress, CancellationToken.None);
        Assert.Equal(new LanguageEmulatorStats(Requests: 6, Answered: 4, Throttled: 2, Unavailable: 0, Rejected: 0, TextRecords: 8, Documents: 8), stats with { Kinds = null });
        Assert.Equal(new KindCount(4, 8), stats.Kinds![LanguageKind.EntityRecognition]);
        Assert.Equal(new KindCount(0, 0), stats.Kinds[LanguageKind.SentimentAnalysis]);
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
