using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Analysis.Entities;
using static Pipeline.Analysis.AzureLanguage.Tests.ScriptedLanguageService;

namespace Pipeline.Analysis.AzureLanguage.Tests;

/// <summary>EntityLinking as the service answers it, put on the recognised mentions, and kept by the canonicalizer.</summary>
public class EntityLinkingTests
{
    /// <summary>
    /// A recorded session of the Azure SDK for JavaScript's tests against the real service (Fixtures/README.md):
    /// https://github.com/Azure/azure-sdk-for-js/blob/508ad81d2c4351d8bbf7c5837c0648e58c9e9029/sdk/cognitivelanguage/ai-language-text/recordings/browsers/aad_textanalysisclient_analyze_entitylinking/recording_client_accepts_string_with_no_language.json
    /// </summary>
    private static readonly JsonNode Recording = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "entitylinking-recording-azure-sdk-for-js.json")))!["Entries"]![0]!;

    private static readonly string[] RecordedTexts = Recording["RequestBody"]!["analysisInput"]!["documents"]!.AsArray().Select(d => (string)d!["text"]!).ToArray();

    /// <summary>Every document of a test goes into one request per kind, as in the recording.</summary>
    private static readonly Dictionary<string, string?> Linger = new() { ["BatchLinger"] = "00:00:00.100" };

    /// <summary>
    /// What EntityRecognition is scripted to find in the recorded texts: the linked spans exactly ("Seattle", "Space
    /// Needle", "Saturday"), one a little wider ("the Space Needle"), and one far wider ("trip to Seattle").
    /// </summary>
    private static readonly (int Document, string Text, string Category)[] Recognised =
    [
        (0, "Seattle", "Location"), (0, "the Space Needle", "Location"),
        (1, "trip to Seattle", "Event"), (1, "Space Needle", "Location"),
        (2, "Saturday", "DateTime"),
    ];

    private static ScriptedReply RecognisedEntities(RecordedRequest request)
    {
        var documents = new JsonArray();
        foreach (var document in request.Documents)
        {
            string text = (string)document!["text"]!;
            int recorded = Array.IndexOf(RecordedTexts, text);
            documents.Add(new JsonObject
            {
                ["id"] = (string)document["id"]!,
                ["warnings"] = new JsonArray(),
                ["entities"] = new JsonArray(Recognised.Where(r => r.Document == recorded).Select(r => (JsonNode)new JsonObject
                {
                    ["text"] = r.Text, ["category"] = r.Category, ["offset"] = text.IndexOf(r.Text, StringComparison.Ordinal), ["length"] = r.Text.Length, ["confidenceScore"] = 0.9,
                }).ToArray()),
            });
        }
        var body = new JsonObject { ["kind"] = "EntityRecognitionResults", ["results"] = new JsonObject { ["modelVersion"] = "2021-06-01", ["errors"] = new JsonArray(), ["documents"] = documents } };
        return new ScriptedReply(200, body.ToJsonString());
    }

    private static AnalysisDocument[] RecordedDocuments => RecordedTexts.Select((t, i) => new AnalysisDocument($"doc-{i}", t, "en")).ToArray();

    [Fact]
    public async Task A_published_EntityLinking_answer_is_parsed_and_each_link_lands_on_the_mention_of_its_span()
    {
        await using var service = await StartAsync((r, _) => r.Kind switch
        {
            "EntityLinking" => new ScriptedReply(200, Recording["ResponseBody"]!.ToJsonString()),
            "EntityRecognition" => RecognisedEntities(r),
            _ => Ok(r),
        });
        await using var provider = LanguageClients.Build(service.Endpoint, Linger);

        var results = await provider.Analyzer().AnalyzeAsync(RecordedDocuments, CancellationToken.None);

        var linking = Assert.Single(service.Requests, r => r.Kind == "EntityLinking");
        Assert.Equal(RecordedTexts, linking.Documents.Select(d => (string)d!["text"]!));
        Assert.Equal(["0", "1", "2", "3"], linking.Documents.Select(d => (string)d!["id"]!));
        Assert.Equal("Utf16CodeUnit", (string)linking.Json["parameters"]!["stringIndexType"]!);
        Assert.All(linking.Documents, d => Assert.Equal("en", (string)d!["language"]!));

        var seattle = new CanonicalEntity("wikipedia:Seattle", "Seattle", "wikipedia");
        var needle = new CanonicalEntity("wikipedia:Space Needle", "Space Needle", "wikipedia");
        var links = results.Select(r => r.Entities.Select(e => e.Canonical?.Id).ToList()).ToList();
        Assert.Equal([seattle, needle], results[0].Entities.Select(e => e.Canonical));
        // "the Space Needle" (16) overlaps the match "Space Needle" (12) by three quarters: the same name. "trip to
        // Seattle" (15) holds "Seattle" (7), under half of it: another span, left unlinked.
        Assert.Equal([(61, 16), (26, 7)], results[0].Entities.Select(e => (e.Offset, e.Length)).OrderByDescending(s => s.Item2).ToArray());
        Assert.Equal(new List<string?> { null, "wikipedia:Space Needle" }, links[1]);
        Assert.Equal(new List<string?> { "wikipedia:Saturday" }, links[2]);
        Assert.Empty(results[3].Entities);
        Assert.All(results, r => Assert.Equal(4, r.TextRecords)); // one record per feature, EntityLinking included
    }

    [Fact]
    public void The_canonicalizer_keeps_an_analyzers_link_but_for_a_country_or_alias_table_name_and_drops_it_off_the_counted_categories()
    {
        var linked = new CanonicalEntity("wikipedia:United States", "United States", "wikipedia");
        const string text = "Jordan Peele met US officials on Saturday with the WHO in Seattle.";
        EntityMention Mention(string mention, string category, CanonicalEntity? canonical) =>
            new(mention, category, null, text.IndexOf(mention, StringComparison.Ordinal), mention.Length, 0.9, canonical);

        var result = EntityCanonicalizer.Default.Canonicalize(text,
        [
            Mention("Jordan Peele", "Person", new CanonicalEntity("wikipedia:Jordan Peele", "Jordan Peele", "wikipedia")),
            Mention("US", "Location", linked),
            Mention("Saturday", "DateTime", new CanonicalEntity("wikipedia:Saturday", "Saturday", "wikipedia")),
            Mention("WHO", "Organization", new CanonicalEntity("wikipedia:WHO (band)", "WHO (band)", "wikipedia")),
            Mention("Seattle", "Location", new CanonicalEntity("wikipedia:Seattle", "Seattle", "wikipedia")),
        ]);

        Assert.Equal(["wikipedia:Jordan Peele", "iso3166:US", null, "org:who", "wikipedia:Seattle"], result.Select(m => m.Canonical?.Id));
    }

    [Fact]
    public async Task A_transient_EntityLinking_failure_is_retried_like_the_other_kinds()
    {
        int linkingCalls = 0;
        await using var service = await StartAsync((r, _) => r.Kind == "EntityLinking" && Interlocked.Increment(ref linkingCalls) == 1
            ? Error(503, "ServiceUnavailable", "The service is temporarily unavailable.")
            : Ok(r));
        await using var provider = LanguageClients.Build(service.Endpoint);

        var analysis = Assert.Single(await provider.Analyzer().AnalyzeAsync([new AnalysisDocument("a", "Shelling hit Kyiv overnight.", "en")], CancellationToken.None));

        Assert.Equal(2, service.Requests.Count(r => r.Kind == "EntityLinking"));
        Assert.Equal("wikipedia:Kyiv", Assert.Single(analysis.Entities).Canonical?.Id);
    }

    [Fact]
    public async Task With_linking_off_no_EntityLinking_request_is_made_and_the_cache_key_differs()
    {
        await using var service = await StartAsync((r, _) => Ok(r));
        await using var off = LanguageClients.Build(service.Endpoint, new Dictionary<string, string?> { ["EntityLinking"] = "false" });
        await using var on = LanguageClients.Build(service.Endpoint);

        var analysis = Assert.Single(await off.Analyzer().AnalyzeAsync([new AnalysisDocument("a", "Shelling hit Kyiv overnight.", "en")], CancellationToken.None));

        Assert.DoesNotContain(service.Requests, r => r.Kind == "EntityLinking");
        Assert.Equal(3, service.Requests.Count);
        Assert.Null(Assert.Single(analysis.Entities).Canonical);
        Assert.Equal(3, analysis.TextRecords);
        Assert.Equal("2023-04-01/latest", off.Analyzer().Info.Version);
        Assert.Equal("2023-04-01/latest/linked", on.Analyzer().Info.Version);
    }
}
