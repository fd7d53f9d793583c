using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Pipeline.Analysis.AzureLanguage.Tests;

/// <summary>One request as the fake service saw it.</summary>
public sealed record RecordedRequest(string Method, string Path, string? ApiVersion, IReadOnlyDictionary<string, string> Headers, string Body, TimeSpan At)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();
    public string Kind => (string)Json["kind"]!;
    public JsonArray Documents => Json["analysisInput"]!["documents"]!.AsArray();
}

public sealed record ScriptedReply(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default);

/// <summary>
/// A stand-in for Azure AI Language on loopback (http, or https with a throwaway certificate for bearer auth), written from
/// the REST documentation rather than from the client's types: it records every request and answers what the test scripts.
/// </summary>
public sealed class ScriptedLanguageService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<RecordedRequest> _requests = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Func<RecordedRequest, int, ScriptedReply> _responder;

    private ScriptedLanguageService(WebApplication app, Func<RecordedRequest, int, ScriptedReply> responder, X509Certificate2? certificate)
    {
        _app = app;
        _responder = responder;
        Certificate = certificate;
    }

    public Uri Endpoint { get; private set; } = null!;

    public X509Certificate2? Certificate { get; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_requests) return _requests.ToList(); }
    }

    /// <summary>The responder gets the request and its 1-based number.</summary>
    public static async Task<ScriptedLanguageService> StartAsync(Func<RecordedRequest, int, ScriptedReply> responder, bool https = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var certificate = https ? CreateCertificate() : null;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null) listen.UseHttps(certificate);
        }));
        var app = builder.Build();
        var service = new ScriptedLanguageService(app, responder, certificate);
        app.Run(service.HandleAsync);
        await app.StartAsync();
        service.Endpoint = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return service;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Certificate?.Dispose();
    }

    private async Task HandleAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        string body = await reader.ReadToEndAsync();
        var request = new RecordedRequest(http.Request.Method, http.Request.Path.Value ?? "", http.Request.Query["api-version"],
            http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body, _clock.Elapsed);
        int number;
        lock (_requests)
        {
            _requests.Add(request);
            number = _requests.Count;
        }
        var reply = _responder(request, number);
        if (reply.Delay > TimeSpan.Zero)
        {
            try { await Task.Delay(reply.Delay, http.RequestAborted); }
            catch (OperationCanceledException) { return; }
        }
        http.Response.StatusCode = reply.Status;
        http.Response.ContentType = "application/json";
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
            http.Response.Headers[name] = value;
        await http.Response.WriteAsync(reply.Body);
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        // Kestrel on Linux needs a key it can export, which an ephemeral one is not.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    // ---- Replies written from the documented response shapes ----

    /// <summary>
    /// A 200 for any kind: English detected, every "Kyiv" an entity (UTF-16 offsets) and linked to its Wikipedia article,
    /// one neutral sentence per document, one key phrase. <paramref name="language"/> changes what detection says.
    /// </summary>
    public static ScriptedReply Ok(RecordedRequest request, string language = "en", string languageName = "English")
    {
        var documents = new JsonArray();
        foreach (var document in request.Documents)
        {
            string id = (string)document!["id"]!, text = (string)document["text"]!;
            var result = new JsonObject { ["id"] = id, ["warnings"] = new JsonArray() };
            switch (request.Kind)
            {
                case "LanguageDetection":
                    result["detectedLanguage"] = new JsonObject { ["name"] = languageName, ["iso6391Name"] = language, ["confidenceScore"] = 0.99 };
                    break;
                case "EntityRecognition":
                    var entities = new JsonArray();
                    for (int at = text.IndexOf("Kyiv", StringComparison.Ordinal); at >= 0; at = text.IndexOf("Kyiv", at + 1, StringComparison.Ordinal))
                        entities.Add(new JsonObject { ["text"] = "Kyiv", ["category"] = "Location", ["subcategory"] = "GPE", ["offset"] = at, ["length"] = 4, ["confidenceScore"] = 0.98 });
                    result["entities"] = entities;
                    break;
                case "SentimentAnalysis":
                    result["sentiment"] = "positive";
                    result["confidenceScores"] = Scores(0.8, 0.15, 0.05);
                    result["sentences"] = new JsonArray(new JsonObject
                    {
                        ["text"] = text, ["sentiment"] = "positive", ["confidenceScores"] = Scores(0.8, 0.15, 0.05), ["offset"] = 0, ["length"] = text.Length,
                    });
                    break;
                case "KeyPhraseExtraction":
                    result["keyPhrases"] = new JsonArray("phrase " + id);
                    break;
                case "EntityLinking":
                    var matches = new JsonArray();
                    for (int at = text.IndexOf("Kyiv", StringComparison.Ordinal); at >= 0; at = text.IndexOf("Kyiv", at + 1, StringComparison.Ordinal))
                        matches.Add(new JsonObject { ["text"] = "Kyiv", ["offset"] = at, ["length"] = 4, ["confidenceScore"] = 0.61 });
                    result["entities"] = matches.Count == 0 ? new JsonArray() : new JsonArray(new JsonObject
                    {
                        ["bingId"] = "0f9e7a55-bd6a-5e76-0b0e-7b3ca5e3e5a1", ["name"] = "Kyiv", ["matches"] = matches, ["language"] = "en",
                        ["id"] = "Kyiv", ["url"] = "https://en.wikipedia.org/wiki/Kyiv", ["dataSource"] = "Wikipedia",
                    });
                    break;
            }
            documents.Add(result);
        }
        var body = new JsonObject
        {
            ["kind"] = request.Kind + "Results",
            ["results"] = new JsonObject { ["modelVersion"] = "2022-10-01", ["errors"] = new JsonArray(), ["documents"] = documents },
        };
        return new ScriptedReply(200, body.ToJsonString(), new Dictionary<string, string>
        {
            ["csp-billing-usage"] = "CognitiveServices.TextAnalytics.TextRecords=" + request.Documents.Count.ToString(CultureInfo.InvariantCulture),
        });
    }

    public static ScriptedReply Error(int status, string code, string message, string? innerCode = null, string? innerMessage = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (innerCode is not null)
            error["innererror"] = new JsonObject { ["code"] = innerCode, ["message"] = innerMessage };
        return new ScriptedReply(status, new JsonObject { ["error"] = error }.ToJsonString(), headers);
    }

    /// <summary>A 200 where the document with <paramref name="failingId"/> is in <c>results.errors</c>.</summary>
    public static ScriptedReply WithDocumentError(RecordedRequest request, string failingId, string innerCode, string message)
    {
        var ok = JsonNode.Parse(Ok(request).Body)!;
        var documents = ok["results"]!["documents"]!.AsArray();
        var failing = documents.First(d => (string)d!["id"]! == failingId)!;
        documents.Remove(failing);
        ok["results"]!["errors"]!.AsArray().Add(new JsonObject
        {
            ["id"] = failingId,
            ["error"] = new JsonObject
            {
                ["code"] = "InvalidArgument", ["message"] = "Invalid document in request.",
                ["innererror"] = new JsonObject { ["code"] = innerCode, ["message"] = message },
            },
        });
        return new ScriptedReply(200, ok.ToJsonString());
    }

    private static JsonObject Scores(double positive, double neutral, double negative) =>
        new() { ["positive"] = positive, ["neutral"] = neutral, ["negative"] = negative };
}
