using System.CommandLine;
using System.Diagnostics.Metrics;
using System.Globalization;
using Pipeline.Ingestion;
using Pipeline.Summary;
using Pipeline.Analysis.AzureLanguage;
using Pipeline.Runtime;
using Pipeline.Local.Emulator;

using Pipeline.Local.Hosting;

namespace Pipeline.Local.Commands;

/// <summary>
/// <c>run</c>'s analyzer options: which analyzer, the Language endpoint and key, or an in-process emulator with faults.
/// Turns the options given into host settings that override configuration (an option left out leaves the environment's
/// <c>Pipeline__*</c> setting in force), and at the end reports what the Language client and the emulator counted.
/// </summary>
internal sealed class AnalyzerSettings : IAsyncDisposable
{
    private static readonly Option<string> Analyzer = CreateAnalyzerOption();
    private static readonly Option<Uri?> Endpoint = CommonOptions.HttpAddress("--language-endpoint", "Azure AI Language endpoint (implies --analyzer azure).");
    private static readonly Option<string?> Key = new("--language-key") { Description = "Azure AI Language key; without one, Entra ID (DefaultAzureCredential) is used." };
    private static readonly Option<bool> Emulate = new("--emulate-language") { Description = "Start the Language emulator in-process and point the azure analyzer at it." };
    private static readonly Option<int> RequestsPerMinute = new("--emulator-429-rpm") { Description = "Emulator: answer 429 past this many requests per minute (0: no limit)." };
    private static readonly Option<double> ThrottleRate = new("--emulator-429-rate") { Description = "Emulator: share of requests answered 429 at random (0-1)." };
    private static readonly Option<double> UnavailableRate = new("--emulator-503-rate") { Description = "Emulator: share of requests answered 503 at random (0-1)." };
    private static readonly Option<int> LatencyMs = new("--emulator-latency-ms") { Description = "Emulator: milliseconds added to every answer." };

    private static Option<string> CreateAnalyzerOption()
    {
        var option = new Option<string>("--analyzer") { Description = "offline (built-in rules) or azure (Azure AI Language); default: the Pipeline__Analyzer setting, else offline." };
        option.AcceptOnlyFromAmong("offline", "azure");
        return option;
    }

    public static IEnumerable<Option> All => [Analyzer, Endpoint, Key, Emulate, RequestsPerMinute, ThrottleRate, UnavailableRate, LatencyMs];

    private readonly LanguageEmulator? _emulator;
    private readonly MeterListener _client;
    private readonly Dictionary<string, double> _counts = [];

    private AnalyzerSettings(IReadOnlyDictionary<string, string?> settings, LanguageEmulator? emulator)
    {
        Settings = settings;
        _emulator = emulator;
        // Always listening: the environment alone may choose Azure Language.
        _client = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == PipelineTelemetry.Name && instrument.Name.StartsWith("pipeline.analyzer.", StringComparison.Ordinal))
                    listener.EnableMeasurementEvents(instrument);
            },
        };
        _client.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _client.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _client.Start();
    }

    /// <summary>Host settings (<c>Pipeline:Analyzer</c>, <c>Pipeline:Language:*</c>) for <c>LocalHost.Build</c>.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public static async Task<AnalyzerSettings> StartAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string?>();
        bool emulate = parse.GetValue(Emulate);
        var endpoint = parse.GetValue(Endpoint);
        string? key = parse.GetValue(Key);
        string? analyzer = parse.GetValue(Analyzer);
        if (emulate || endpoint is not null || string.Equals(analyzer, "azure", StringComparison.OrdinalIgnoreCase))
            settings["Pipeline:Analyzer"] = nameof(AnalyzerKind.AzureLanguage);
        else if (analyzer is not null)
            settings["Pipeline:Analyzer"] = nameof(AnalyzerKind.Offline);

        LanguageEmulator? emulator = null;
        if (emulate)
        {
            // The emulator speaks plain http, where the client never sends Entra ID tokens: a key it is.
            key ??= "local-emulator-key";
            emulator = await LanguageEmulator.StartAsync(new LanguageEmulatorOptions
            {
                Key = key,
                ThrottleRequestsPerMinute = parse.GetValue(RequestsPerMinute),
                ThrottleRate = parse.GetValue(ThrottleRate),
                UnavailableRate = parse.GetValue(UnavailableRate),
                Latency = TimeSpan.FromMilliseconds(parse.GetValue(LatencyMs)),
            }, cancellationToken).ConfigureAwait(false);
            endpoint = emulator.BaseAddress;
            Console.WriteLine($"Language emulator listening on {endpoint}.");
        }
        if (endpoint is not null)
            settings[LanguageOptions.Section + ":Endpoint"] = endpoint.ToString();
        if (key is not null)
            settings[LanguageOptions.Section + ":Key"] = key;
        return new AnalyzerSettings(settings, emulator);
    }

    /// <summary>Sums by instrument, and the cache counter by its result tag (hit, miss).</summary>
    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string name = instrument.Name;
        foreach (var tag in tags)
        {
            if (tag.Key == "result") name += "." + tag.Value;
        }
        lock (_counts) _counts[name] = _counts.GetValueOrDefault(name) + value;
    }

    /// <summary>What Azure Language cost this run, from the client's counters and, when emulated, the emulator's.</summary>
    public void PrintReport()
    {
        lock (_counts)
        {
            double Count(string name) => _counts.GetValueOrDefault("pipeline.analyzer." + name);
            if (Count("requests") + Count("cache.hit") + Count("cache.miss") == 0)
                return; // the offline analyzer: no Language client at work
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Language client: {Count("requests"):N0} requests, {Count("retries"):N0} retries ({Count("throttles"):N0} throttled), {Count("retry_delay") / 1000:F1} s added by retries, {Count("text_records"):N0} text records (service billed {Count("billed_text_records"):N0}), cache {Count("cache.hit"):N0} hits, {Count("cache.miss"):N0} misses."));
        }
        if (_emulator?.Stats is { } s)
            Console.WriteLine($"Language emulator: {s}.");
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        if (_emulator is not null)
            await _emulator.DisposeAsync().ConfigureAwait(false);
    }
}
