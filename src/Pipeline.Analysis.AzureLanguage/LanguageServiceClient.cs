using System.Net.Sockets;
using System.Threading.RateLimiting;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging;
using Pipeline.Runtime;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace Pipeline.Analysis.AzureLanguage;

/// <summary>
/// One <c>POST /language/:analyze-text</c> call through Azure.Core's <see cref="HttpPipeline"/> (auth, diagnostics, transport)
/// inside the Language Polly pipeline, and the classification of everything that can come back:
/// 200 → results; 400 → <see cref="AnalysisRejectedException"/>; 401/403/404, a wrong model version or an unknown host →
/// <see cref="LanguageServiceConfigurationException"/>; 408/429/5xx, timeouts, broken connections and unreadable JSON →
/// <see cref="LanguageServiceTransientException"/> (retried here, then by the host).
/// </summary>
internal sealed class LanguageServiceClient(HttpPipeline http, ResiliencePipeline resilience, LanguagePacer pacer, LanguageOptions options, TimeProvider clock, ILogger<LanguageServiceClient> logger)
{
    public const string Scope = "https://cognitiveservices.azure.com/.default";

    /// <summary>Key auth when a key is set, otherwise a bearer token for the Cognitive Services scope.</summary>
    public static HttpPipeline CreateHttpPipeline(LanguageOptions options, Func<TokenCredential> credential, HttpPipelineTransport? transport)
    {
        var clientOptions = new LanguageClientOptions();
        if (transport is not null)
            clientOptions.Transport = transport;
        // Polly owns retries and the attempt timeout; Azure.Core's own would multiply them. Its network timeout stays only
        // as a backstop past Polly's: equal to it, the two raced and a timeout could surface as a transport failure.
        clientOptions.Retry.MaxRetries = 0;
        clientOptions.Retry.NetworkTimeout = options.AttemptTimeout + options.AttemptTimeout;
        clientOptions.Diagnostics.ApplicationId = "pipeline";
        HttpPipelinePolicy auth = string.IsNullOrEmpty(options.Key)
            ? new BearerTokenAuthenticationPolicy(credential(), Scope)
            : new SubscriptionKeyPolicy(options.Key);
        return HttpPipelineBuilder.Build(clientOptions, auth);
    }

    /// <summary>One request, retried as the Language pipeline says.</summary>
    /// <param name="kind">The analysis.</param>
    /// <param name="documents">The batch, within the kind's limits.</param>
    /// <param name="permit">A rate permit the caller already holds, spent on the first attempt; null takes one from the limiter.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<TaskResults> AnalyzeAsync(LanguageKind kind, IReadOnlyList<InputDocument> documents, RateLimitLease? permit, CancellationToken cancellationToken)
    {
        var body = BinaryData.FromObjectAsJson(
            new AnalyzeTextRequest(kind, new TaskParameters(options.ModelVersion, "Utf16CodeUnit", options.LoggingOptOut, kind == LanguageKind.SentimentAnalysis ? options.OpinionMining : null), new AnalysisInput(documents)),
            LanguageJson.Wire);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(LanguageResilience.HeldPermit, permit);
        try
        {
            return await resilience.ExecuteAsync(ctx => new ValueTask<TaskResults>(SendAsync(kind, body, documents, ctx.CancellationToken)), context).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutRejectedException or BrokenCircuitException or RateLimiterRejectedException)
        {
            throw new LanguageServiceTransientException($"Language service {kind} call failed: {e.Message}", inner: e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<TaskResults> SendAsync(LanguageKind kind, BinaryData body, IReadOnlyList<InputDocument> documents, CancellationToken cancellationToken)
    {
        using var message = http.CreateMessage();
        var request = message.Request;
        request.Method = RequestMethod.Post;
        request.Uri.Reset(options.Endpoint!);
        request.Uri.AppendPath(LanguageLimits.Path, escape: false);
        request.Uri.AppendQuery("api-version", options.ApiVersion);
        request.Headers.Add(HttpHeader.Names.ContentType, "application/json");
        request.Content = RequestContent.Create(body);

        try
        {
            await http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsUnknownHost(e))
        {
            Count(kind, 0);
            throw Misconfigured($"The Language endpoint host {options.Endpoint!.Host} does not resolve: {e.Message}", 0, "HostNotFound", e);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is RequestFailedException or IOException or HttpRequestException or OperationCanceledException)
        {
            Count(kind, 0);
            throw new LanguageServiceTransientException($"Language service {kind} call got no answer: {e.Message}", inner: e);
        }

        var response = message.Response;
        Count(kind, response.Status);
        if (response.Status == 200)
            return Results(kind, response, documents);
        throw Classify(kind, response);
    }

    /// <summary>
    /// A 200 must account for every document sent, once, as a result carrying its kind's payload or as an error;
    /// anything less is treated like a garbled answer and retried.
    /// </summary>
    private static TaskResults Results(LanguageKind kind, Response response, IReadOnlyList<InputDocument> sent)
    {
        AnalyzeTextResponse? parsed;
        try
        {
            parsed = response.Content.ToObjectFromJson<AnalyzeTextResponse>(LanguageJson.Wire);
        }
        catch (JsonException e)
        {
            // A truncated or garbled 200 is a fault of the transport or the service, not of the article.
            throw new LanguageServiceTransientException($"Language service {kind} answered 200 with malformed JSON: {e.Message}", 200, "MalformedResponse", inner: e);
        }
        if (parsed?.Results?.Documents is null)
            throw new LanguageServiceTransientException($"Language service {kind} answered 200 without results.", 200, "MalformedResponse");

        var results = parsed.Results;
        var answered = results.Documents.Where(d => HasPayload(kind, d)).Select(d => d.Id).Concat((results.Errors ?? []).Select(e => e.Id)).ToList();
        if (answered.Count != sent.Count || !answered.ToHashSet(StringComparer.Ordinal).SetEquals(sent.Select(d => d.Id)))
            throw new LanguageServiceTransientException($"Language service {kind} answered 200 for documents [{string.Join(",", answered)}] when sent [{string.Join(",", sent.Select(d => d.Id))}].", 200, "MalformedResponse");

        if (response.Headers.TryGetValue(LanguageLimits.BillingHeader, out var billing) && BilledTextRecords(billing) is { } billed)
            PipelineTelemetry.BilledTextRecords.Add(billed, new KeyValuePair<string, object?>("kind", kind.ToString()));
        return results;
    }

    private static bool HasPayload(LanguageKind kind, ResultDocument document) => kind switch
    {
        LanguageKind.LanguageDetection => document.DetectedLanguage is not null,
        LanguageKind.SentimentAnalysis => document.ConfidenceScores is not null,
        _ => true,
    };

    private Exception Classify(LanguageKind kind, Response response)
    {
        ServiceError? error = null;
        try
        {
            error = response.Content.ToObjectFromJson<ErrorResponse>(LanguageJson.Wire)?.Error;
        }
        catch (JsonException)
        {
            // Gateways answer with HTML or nothing; the status alone decides then.
        }
        response.Headers.TryGetValue("x-ms-error-code", out var headerCode);
        string? code = error?.SpecificCode ?? headerCode;
        string detail = $"Language service {kind} answered {response.Status} {code}: {error?.SpecificMessage ?? response.ReasonPhrase}";

        switch (response.Status)
        {
            case 429:
                PipelineTelemetry.AnalyzerThrottles.Add(1, new KeyValuePair<string, object?>("kind", kind.ToString()));
                var retryAfter = LanguageResilience.RetryAfter(response, error?.Message, clock);
                pacer.OnThrottled(retryAfter);
                return new LanguageServiceTransientException(detail, 429, code, retryAfter);
            case 408 or >= 500:
                return new LanguageServiceTransientException(detail, response.Status, code, LanguageResilience.RetryAfter(response, null, clock));
            case 401 or 403 or 404:
                return Misconfigured(detail, response.Status, code, null);
            case 400 when code == "ModelVersionIncorrect":
                return Misconfigured(detail, response.Status, code, null);
            default:
                // 400 InvalidDocument, InvalidDocumentBatch, UnsupportedLanguageCode, ...: this input will never pass.
                return new AnalysisRejectedException(code ?? response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    error?.SpecificMessage ?? detail);
        }
    }

    /// <summary>Every article fails the same way until someone fixes the settings: say so loudly, once per failure.</summary>
    private LanguageServiceConfigurationException Misconfigured(string message, int status, string? code, Exception? inner)
    {
        logger.Misconfigured(inner, options.Endpoint, options.ApiVersion, options.ModelVersion, message);
        return new LanguageServiceConfigurationException(message, status, code, inner);
    }

    private static bool IsUnknownHost(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData } or HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError })
                return true;
        }
        return false;
    }

    private static void Count(LanguageKind kind, int status) => PipelineTelemetry.AnalyzerRequests.Add(1,
        new KeyValuePair<string, object?>("kind", kind.ToString()), new KeyValuePair<string, object?>("status", status));

    /// <summary>Reads <c>CognitiveServices.TextAnalytics.TextRecords=N</c> out of the header (which may list other meters too).</summary>
    internal static long? BilledTextRecords(string header)
    {
        foreach (string part in header.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part.StartsWith(LanguageLimits.TextRecordsMeter + "=", StringComparison.OrdinalIgnoreCase)
                && long.TryParse(part.AsSpan(LanguageLimits.TextRecordsMeter.Length + 1), System.Globalization.CultureInfo.InvariantCulture, out long records))
                return records;
        }
        return null;
    }

    private sealed class LanguageClientOptions : ClientOptions;

    /// <summary>Azure.Core's key policy is internal; this is all it does for a fixed key.</summary>
    private sealed class SubscriptionKeyPolicy(string key) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) => message.Request.Headers.SetValue("Ocp-Apim-Subscription-Key", key);
    }
}
