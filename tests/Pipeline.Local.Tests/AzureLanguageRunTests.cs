using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Local.Reliability;
using Pipeline.Testing;

namespace Pipeline.Local.Tests;

/// <summary>
/// <c>pipeline run</c> with the Azure AI Language client, as a user runs it against an endpoint that is not the
/// in-process emulator: <c>emulate-language</c> started as its own process, and a fake written only from the REST
/// reference (analyzetext.json, 2023-04-01), configured by command-line options and by environment settings.
/// </summary>
public sealed class AzureLanguageRunTests : IDisposable
{
    private const string Key = "run-test-key";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "pipeline-azure-run-" + Guid.NewGuid().ToString("N"));
    private static int Seeds => RepositoryFiles.GoodSeedFiles().Count;

    [Fact]
    public async Task Run_with_language_options_summarises_the_seeds_through_emulate_language_in_its_own_process()
    {
        using var emulator = PipelineHostProcess.Start("emulate-language", "--port", "0", "--key", Key);
        await emulator.WaitForLineAsync("listening on", TimeSpan.FromSeconds(30));
        string endpoint = emulator.Output.First(l => l.Contains("listening on", StringComparison.Ordinal)).Split(' ')[4];

        var run = await PipelineCommand.RunAsync(
            ["run", "--ingest", RepositoryFiles.Seeds, "--once", "--analyzer", "azure", "--language-endpoint", endpoint, "--language-key", Key, "--data-dir", _data],
            TimeSpan.FromMinutes(3));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"Files: {Seeds}  summarised: {Seeds}  quarantined: 0  poisoned: 0", run.Output);
        Assert.Matches(@"Language client: [1-9][0-9]* requests, 0 retries", run.Output);
    }

    [Fact]
    public async Task Run_configured_by_environment_settings_summarises_the_seeds_through_a_fake_built_from_the_rest_reference()
    {
        await using var service = await ReferenceLanguageService.StartAsync(Key);

        var run = await PipelineCommand.RunAsync(["run", "--ingest", RepositoryFiles.Seeds, "--once", "--data-dir", _data], TimeSpan.FromMinutes(3),
            new Dictionary<string, string>
            {
                ["Pipeline__Analyzer"] = "AzureLanguage",
                ["Pipeline__Language__Endpoint"] = service.Endpoint.ToString(),
                ["Pipeline__Language__Key"] = Key,
            });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"Files: {Seeds}  summarised: {Seeds}  quarantined: 0  poisoned: 0", run.Output);
        Assert.Equal(["EntityLinking", "EntityRecognition", "KeyPhraseExtraction", "LanguageDetection", "SentimentAnalysis"], service.Requests.Keys.Order(StringComparer.Ordinal));
        Assert.All(service.Requests.Values, count => Assert.InRange(count, 1, 10 * Seeds));
        Assert.Equal(0, service.Unauthorized);
    }

    public void Dispose()
    {
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }

    /// <summary>
    /// Answers <c>POST /language/:analyze-text</c> in the documented response shapes: every document gets one Location
    /// entity per "Europe", one neutral sentence spanning its text, its first word as a key phrase, English.
    /// </summary>
    private sealed class ReferenceLanguageService : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private ReferenceLanguageService(WebApplication app) => _app = app;

        public Uri Endpoint { get; private set; } = null!;

        public ConcurrentDictionary<string, int> Requests { get; } = new(StringComparer.Ordinal);

        public int Unauthorized { get; private set; }

        public static async Task<ReferenceLanguageService> StartAsync(string key)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            var service = new ReferenceLanguageService(app);
            app.MapPost("/language/:analyze-text", async (HttpContext http) =>
            {
                if (http.Request.Headers["Ocp-Apim-Subscription-Key"] != key || http.Request.Query["api-version"] != "2023-04-01")
                {
                    service.Unauthorized++;
                    return Results.Json(new { error = new { code = "401", message = "Access denied due to invalid subscription key or wrong API endpoint." } }, statusCode: 401);
                }
                var request = (await JsonNode.ParseAsync(http.Request.Body))!;
                string kind = request["kind"]!.GetValue<string>();
                service.Requests.AddOrUpdate(kind, 1, (_, n) => n + 1);
                var documents = request["analysisInput"]!["documents"]!.AsArray().Select(d => Answer(kind, d!["id"]!.GetValue<string>(), d["text"]!.GetValue<string>())).ToArray();
                return Results.Json(new JsonObject
                {
                    ["kind"] = kind + "Results",
                    ["results"] = new JsonObject { ["documents"] = new JsonArray(documents), ["errors"] = new JsonArray(), ["modelVersion"] = "2022-10-01" },
                });
            });
            await app.StartAsync();
            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            service.Endpoint = new Uri(address.TrimEnd('/') + "/");
            return service;
        }

        private static JsonObject Answer(string kind, string id, string text)
        {
            var document = new JsonObject { ["id"] = id, ["warnings"] = new JsonArray() };
            switch (kind)
            {
                case "EntityRecognition":
                    var entities = new JsonArray();
                    for (int at = text.IndexOf("Europe", StringComparison.Ordinal); at >= 0; at = text.IndexOf("Europe", at + 1, StringComparison.Ordinal))
                        entities.Add(new JsonObject { ["text"] = "Europe", ["category"] = "Location", ["subcategory"] = "Continent", ["offset"] = at, ["length"] = 6, ["confidenceScore"] = 0.98 });
                    document["entities"] = entities;
                    break;
                case "SentimentAnalysis":
                    document["sentiment"] = "neutral";
                    document["confidenceScores"] = Scores();
                    document["sentences"] = new JsonArray(new JsonObject { ["sentiment"] = "neutral", ["confidenceScores"] = Scores(), ["offset"] = 0, ["length"] = text.Length, ["text"] = text });
                    break;
                case "KeyPhraseExtraction":
                    document["keyPhrases"] = new JsonArray(text.Split(' ', 2)[0]);
                    break;
                case "LanguageDetection":
                    document["detectedLanguage"] = new JsonObject { ["name"] = "English", ["iso6391Name"] = "en", ["confidenceScore"] = 1.0 };
                    break;
                case "EntityLinking":
                    document["entities"] = new JsonArray(); // nothing linked: the mentions keep the pipeline's own ids
                    break;
            }
            return document;
        }

        private static JsonObject Scores() => new() { ["positive"] = 0.1, ["neutral"] = 0.8, ["negative"] = 0.1 };

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
