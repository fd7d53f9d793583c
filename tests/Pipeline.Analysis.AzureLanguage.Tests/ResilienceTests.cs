using Azure;
using Azure.Core;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Analysis.AzureLanguage;
using static Pipeline.Analysis.AzureLanguage.Tests.ScriptedLanguageService;

namespace Pipeline.Analysis.AzureLanguage.Tests;

public class ResilienceTests
{
    [Fact]
    public async Task The_rate_limiter_holds_the_configured_requests_per_minute_across_callers()
    {
        await using var service = await StartAsync((r, _) => Ok(r));
        // 120 per minute: a burst of 2, then 2 per second.
        await using var provider = LanguageClients.Build(service.Endpoint, new Dictionary<string, string?> { ["RequestsPerMinute"] = "120" });
        var analyzer = provider.Analyzer();
        using var stop = new CancellationTokenSource();

        // Sixty articles at once: even batched, 24 requests, far more than the limiter lets through in the window.
        var callers = Enumerable.Range(0, 60).Select(i => Task.Run(() => analyzer.AnalyzeAsync([new AnalysisDocument($"{i}", $"Article {i} from Kyiv.", "en")], stop.Token))).ToList();
        await Task.Delay(TimeSpan.FromSeconds(3.2));
        await stop.CancelAsync();
        await Task.WhenAll(callers.Select(c => c.ContinueWith(_ => { }, TaskScheduler.Default)));

        // Counted on the service's own clock from the first request, so a busy test machine cannot stretch the window:
        // burst 2 + 2 per second gives at most 8 requests in the first 3 s (9 with one tick of timer slack), and the
        // limiter lets at least the burst and one more second's worth through.
        var first = service.Requests[0].At;
        int withinThreeSeconds = service.Requests.Count(r => r.At - first < TimeSpan.FromSeconds(3));
        Assert.InRange(withinThreeSeconds, 4, 9);
    }

    [Fact]
    public async Task The_circuit_opens_after_repeated_server_faults_and_then_fails_fast_without_calling()
    {
        await using var service = await StartAsync((r, _) => Error(500, "InternalServerError", "Internal error."));
        await using var provider = LanguageClients.Build(service.Endpoint, new Dictionary<string, string?>
        {
            ["MaxRetries"] = "1", ["BreakerMinimumThroughput"] = "4", ["BreakerDuration"] = "00:01:00",
        });
        var analyzer = provider.Analyzer();
        AnalysisDocument[] document = [new("a", "Kyiv.", "en")];

        for (int i = 0; i < 3; i++)
            await Assert.ThrowsAsync<LanguageServiceTransientException>(() => analyzer.AnalyzeAsync(document, CancellationToken.None));
        int before = service.Requests.Count;
        var failure = await Assert.ThrowsAsync<LanguageServiceTransientException>(() => analyzer.AnalyzeAsync(document, CancellationToken.None));

        Assert.IsType<Polly.CircuitBreaker.BrokenCircuitException>(failure.InnerException);
        Assert.Equal(before, service.Requests.Count);
    }

    [Fact]
    public void Retry_hints_are_read_from_every_documented_place()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(TimeSpan.FromMilliseconds(250), LanguageResilience.RetryAfter(new HeaderResponse(("retry-after-ms", "250"), ("Retry-After", "9")), null, clock));
        Assert.Equal(TimeSpan.FromMilliseconds(1500), LanguageResilience.RetryAfter(new HeaderResponse(("x-ms-retry-after-ms", "1500")), null, clock));
        Assert.Equal(TimeSpan.FromSeconds(7), LanguageResilience.RetryAfter(new HeaderResponse(("Retry-After", "7")), null, clock));
        Assert.Equal(TimeSpan.FromSeconds(30), LanguageResilience.RetryAfter(new HeaderResponse(("Retry-After", "Sat, 28 Nov 2026 12:00:30 GMT")), null, clock));
        Assert.Equal(TimeSpan.Zero, LanguageResilience.RetryAfter(new HeaderResponse(("Retry-After", "Sat, 28 Nov 2026 11:59:00 GMT")), null, clock));
        Assert.Equal(TimeSpan.FromSeconds(34), LanguageResilience.RetryAfter(new HeaderResponse(), "exceeded rate limit of your current pricing tier. Please retry after 34 seconds.", clock));
        Assert.Null(LanguageResilience.RetryAfter(new HeaderResponse(), "The service is temporarily unavailable.", clock));
    }

    [Theory]
    [InlineData("CognitiveServices.TextAnalytics.TextRecords=7", 7L)]
    [InlineData("CognitiveServices.TextAnalytics.BatchScoring=1,CognitiveServices.TextAnalytics.TextRecords=12", 12L)]
    [InlineData("CognitiveServices.TextAnalytics.BatchScoring=1", null)]
    public void The_billing_header_yields_the_text_records(string header, long? expected) =>
        Assert.Equal(expected, LanguageServiceClient.BilledTextRecords(header));

    /// <summary>Just enough of an Azure.Core response to carry headers.</summary>
    private sealed class HeaderResponse(params (string Name, string Value)[] headers) : Response
    {
        public override int Status => 429;
        public override string ReasonPhrase => "Too Many Requests";
        public override Stream? ContentStream { get; set; }
        public override string ClientRequestId { get; set; } = "";
        public override void Dispose() { }
        protected override bool ContainsHeader(string name) => headers.Any(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));
        protected override IEnumerable<HttpHeader> EnumerateHeaders() => headers.Select(h => new HttpHeader(h.Name, h.Value));
        protected override bool TryGetHeader(string name, out string value)
        {
            value = headers.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Value!;
            return value is not null;
        }
        protected override bool TryGetHeaderValues(string name, out IEnumerable<string> values)
        {
            bool found = TryGetHeader(name, out var value);
            values = found ? [value] : [];
            return found;
        }
    }
}
