using System.Globalization;
using System.Text;
using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Ingestion;
using Pipeline.Ingestion.Enrichment;
using static Pipeline.Analysis.AzureLanguage.Tests.ScriptedLanguageService;

namespace Pipeline.Analysis.AzureLanguage.Tests;

/// <summary>What goes over the wire matches the REST documentation, and what comes back lands on the right characters.</summary>
public class RequestShapeTests
{
    private static readonly string[] Features = ["EntityLinking", "EntityRecognition", "KeyPhraseExtraction", "SentimentAnalysis"];

    [Fact]
    public async Task Key_auth_requests_carry_the_documented_path_query_headers_and_body()
    {
        await using var service = await StartAsync((r, _) => Ok(r));
        await using var provider = LanguageClients.Build(service.Endpoint);

        var results = await provider.Analyzer().AnalyzeAsync([new AnalysisDocument("a", "Shelling hit Kyiv overnight.", "en")], CancellationToken.None);

        // A language hint skips detection: one request per feature.
        Assert.Equal(Features, service.Requests.Select(r => r.Kind).Order());
        foreach (var request in service.Requests)
        {
            Assert.Equal("POST", request.Method);
            Assert.Equal("/language/:analyze-text", request.Path);
            Assert.Equal("2023-04-01", request.ApiVersion);
            Assert.Equal(LanguageClients.Key, request.Headers["Ocp-Apim-Subscription-Key"]);
            Assert.False(request.Headers.ContainsKey("Authorization"));
            Assert.StartsWith("application/json", request.Headers["Content-Type"]);
            var parameters = request.Json["parameters"]!;
            Assert.Equal("latest", (string)parameters["modelVersion"]!);
            Assert.Equal("Utf16CodeUnit", (string)parameters["stringIndexType"]!);
            Assert.False((bool)parameters["loggingOptOut"]!);
            // opinionMining belongs to SentimentAnalysis alone.
            Assert.Equal(request.Kind == "SentimentAnalysis", parameters.AsObject().ContainsKey("opinionMining"));
            var document = Assert.Single(request.Documents)!;
            Assert.Equal("0", (string)document["id"]!);
            Assert.Equal("Shelling hit Kyiv overnight.", (string)document["text"]!);
            Assert.Equal("en", (string)document["language"]!);
        }

        var analysis = Assert.Single(results);
        Assert.Equal("a", analysis.Id);
        Assert.Equal(new DetectedLanguage("en", "English", 1.0), analysis.Language);
        var entity = Assert.Single(analysis.Entities);
        Assert.Equal(new EntityMention("Kyiv", "Location", "GPE", 13, 4, 0.98, new CanonicalEntity("wikipedia:Kyiv", "Kyiv", "wikipedia")), entity);
        Assert.Equal(SentimentLabel.Positive, analysis.Sentiment.Label);
        Assert.Equal(new SentimentScores(0.8, 0.15, 0.05), analysis.Sentiment.Scores);
        Assert.Equal(0, Assert.Single(analysis.Sentences).Offset);
        Assert.Equal(["phrase 0"], analysis.KeyPhrases);
        Assert.Equal(4, analysis.TextRecords); // one record per feature for a short document
    }

    [Fact]
    public async Task Opinion_mining_is_requested_for_sentiment_when_configured()
    {
        await using var service = await StartAsync((r, _) => Ok(r));
        await using var provider = LanguageClients.Build(service.Endpoint, new Dictionary<string, string?> { ["OpinionMining"] = "true" });

        await provider.Analyzer().AnalyzeAsync([new AnalysisDocument("a", "The ceasefire held.", "en")], CancellationToken.None);

        var sentiment = Assert.Single(service.Requests, r => r.Kind == "SentimentAnalysis");
        Assert.True((bool)sentiment.Json["parameters"]!["opinionMining"]!);
    }

    [Fact]
    public async Task Without_a_key_a_bearer_token_for_the_cognitive_services_scope_is_sent_over_https()
    {
        await using var service = await StartAsync((r, _) => Ok(r), https: true);
        var credential = new FakeCredential();
        await using var provider = LanguageClients.Build(service.Endpoint, new Dictionary<string, string?> { ["Key"] = "" }, services => services
            .AddSingleton<TokenCredential>(credential)
            .AddSingleton(LanguageClients.TrustOnly(service.Certificate!)));

        await provider.Analyzer().AnalyzeAsync([new AnalysisDocument("a", "Kyiv.", "en")], CancellationToken.None);

        Assert.Equal(4, service.Requests.Count);
        Assert.All(service.Requests, r =>
        {
            Assert.Equal("Bearer fake-token", r.Headers["Authorization"]);
            Assert.False(r.Headers.ContainsKey("Ocp-Apim-Subscription-Key"));
        });
        Assert.Equal(["https://cognitiveservices.azure.com/.default"], credential.Scopes.Distinct());
    }

    [Fact]
    public async Task Without_a_hint_language_detection_runs_first_and_its_answer_goes_to_every_feature()
    {
        await using var service = await StartAsync((r, _) => Ok(r, "fr", "French"));
        await using var provider = LanguageClients.Build(service.Endpoint);

        var results = await provider.Analyzer().AnalyzeAsync(
            [new AnalysisDocument("a", "La Loire monte à Orléans.", null), new AnalysisDocument("b", "Kyiv.", null)], CancellationToken.None);

        var requests = service.Requests;
        Assert.Equal("LanguageDetection", requests[0].Kind);
        Assert.All(requests[0].Documents, d => Assert.False(d!.AsObject().ContainsKey("language")));
        Assert.Equal(Features, requests.Skip(1).Select(r => r.Kind).Order());
        Assert.All(requests.Skip(1).SelectMany(r => r.Documents), d => Assert.Equal("fr", (string)d!["language"]!));
        Assert.All(results, r => Assert.Equal(new DetectedLanguage("fr", "French", 0.99), r.Language));
        Assert.All(results, r => Assert.Equal(5, r.TextRecords)); // detection + four features
    }

    [Fact]
    public async Task Six_documents_become_two_entity_requests_and_one_request_per_other_feature()
    {
        await using var service = await StartAsync((r, _) => Ok(r));
        await using var provider = LanguageClients.Build(service.Endpoint);
        var documents = Enumerable.Range(0, 6).Select(i => new AnalysisDocument($"d{i}", $"Document {i} about Kyiv.", "en")).ToList();

        var results = await provider.Analyzer().AnalyzeAsync(documents, CancellationToken.None);

        var entityBatches = service.Requests.Where(r => r.Kind == "EntityRecognition").Select(r => r.Documents.Count).Order().ToList();
        Assert.Equal([1, 5], entityBatches);
        Assert.Single(service.Requests, r => r.Kind == "SentimentAnalysis");
        Assert.Single(service.Requests, r => r.Kind == "KeyPhraseExtraction");
        Assert.Equal(documents.Select(d => d.Id), results.Select(r => r.Id));
        Assert.All(results, r => Assert.Single(r.Entities));
    }

    [Fact]
    public async Task Batches_also_split_by_request_bytes()
    {
        await using var service = await StartAsync((r, _) => Ok(r));
        await using var provider = LanguageClients.Build(service.Endpoint, new Dictionary<string, string?> { ["MaxRequestBytes"] = "4096" });
        // Cyrillic is two UTF-8 bytes per character: three of these fit the limit, ten do not.
        var documents = Enumerable.Range(0, 10).Select(i => new AnalysisDocument($"d{i}", new string('ж', 600) + " Kyiv", "uk")).ToList();

        await provider.Analyzer().AnalyzeAsync(documents, CancellationToken.None);

        var sentiment = service.Requests.Where(r => r.Kind == "SentimentAnalysis").ToList();
        Assert.True(sentiment.Count >= 4, $"{sentiment.Count} sentiment requests");
        Assert.All(service.Requests, r => Assert.True(Encoding.UTF8.GetByteCount(r.Body) <= 4096, $"{Encoding.UTF8.GetByteCount(r.Body)} bytes"));
        Assert.Equal(10, sentiment.Sum(r => r.Documents.Count));
    }

    [Fact]
    public async Task A_document_over_the_text_element_limit_is_never_sent()
    {
        await using var service = await StartAsync((r, _) => Ok(r));
        await using var provider = LanguageClients.Build(service.Endpoint);

        var rejected = await Assert.ThrowsAsync<AnalysisRejectedException>(() => provider.Analyzer().AnalyzeAsync(
            [new AnalysisDocument("long", new string('a', AnalysisLimits.MaxDocumentTextElements + 1), "en")], CancellationToken.None));

        Assert.Equal("InvalidDocument", rejected.Code);
        Assert.Empty(service.Requests);
    }

    [Fact]
    public async Task A_long_article_with_emoji_and_combining_marks_is_chunked_and_entities_land_on_the_original_characters()
    {
        await using var service = await StartAsync((r, _) => Ok(r));
        await using var provider = LanguageClients.Build(service.Endpoint);
        var text = new StringBuilder();
        // 12,000 characters as the service counts them (text elements), well over two chunks.
        for (int i = 0; new StringInfo(text.ToString()).LengthInTextElements < 12_000; i++)
            text.Append(CultureInfo.InvariantCulture, $"Zoe\u0308 reported from Kyiv 🇺🇦👩‍👩‍👧 on day {i}. ");
        string article = text.ToString();

        var analysis = await new ChunkedTextAnalysis(provider.Analyzer()).AnalyzeAsync(article, "en", CancellationToken.None);

        Assert.True(analysis.Chunks >= 3, $"{analysis.Chunks} chunks");
        int expected = (article.Length - article.Replace("Kyiv", "", StringComparison.Ordinal).Length) / 4;
        Assert.Equal(expected, analysis.Entities.Count);
        Assert.All(analysis.Entities, e => Assert.Equal("Kyiv", article.Substring(e.Offset, e.Length)));
        var sent = service.Requests.SelectMany(r => r.Documents).Select(d => (string)d!["text"]!).ToList();
        Assert.All(sent, t => Assert.True(new StringInfo(t).LengthInTextElements <= AnalysisLimits.MaxDocumentTextElements));
        Assert.All(service.Requests.Where(r => r.Kind == "EntityRecognition"), r => Assert.True(r.Documents.Count <= 5));
        // One article, one batch per feature (chunks <= 5): four requests, all chunks in each.
        Assert.Equal(4, service.Requests.Count);
        int recordsPerFeature = service.Requests.First(r => r.Kind == "EntityRecognition").Documents
            .Sum(d => (new StringInfo((string)d!["text"]!).LengthInTextElements + 999) / 1000);
        Assert.Equal(4 * recordsPerFeature, analysis.TextRecords);
        // Linked matches are found on the chunk they came from and moved with their mention onto the whole article.
        Assert.All(analysis.Entities, e => Assert.Equal("wikipedia:Kyiv", e.Canonical?.Id));
    }
}
