using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Pipeline.Runtime;

/// <summary>
/// The pipeline's traces and metrics, by name so both hosts' OpenTelemetry set-up can subscribe:
/// <c>AddSource(PipelineTelemetry.Name)</c> and <c>AddMeter(PipelineTelemetry.Name)</c>.
/// </summary>
public static class PipelineTelemetry
{
    public const string Name = "Pipeline";

    public static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> ArticlesEnriched = Meter.CreateCounter<long>("pipeline.articles.enriched", description: "Articles enriched and queued.");
    public static readonly Counter<long> ArticlesQuarantined = Meter.CreateCounter<long>("pipeline.articles.quarantined", description: "Articles quarantined, by reason.");
    public static readonly Counter<long> ArticlesRecorded = Meter.CreateCounter<long>("pipeline.articles.recorded", description: "Enriched articles recorded for the summary.");
    public static readonly Counter<long> ArticlesRetracted = Meter.CreateCounter<long>("pipeline.articles.retracted", description: "Articles whose blob was deleted while they were current.");
    public static readonly Counter<long> ArticlesFolded = Meter.CreateCounter<long>("pipeline.articles.folded", description: "Article revisions folded into the summary.");
    public static readonly Histogram<double> StageDuration = Meter.CreateHistogram<double>("pipeline.stage.duration", unit: "ms", description: "Duration of one pipeline stage.");
    public static readonly Histogram<int> EntitiesPerArticle = Meter.CreateHistogram<int>("pipeline.article.entities", description: "Entity mentions found per article.");
    public static readonly Counter<long> TextRecords = Meter.CreateCounter<long>("pipeline.analyzer.text_records", description: "Billable Language text records used.");

    // The Azure Language client: every HTTP attempt, what the retry added, and what the service says it billed.
    public static readonly Counter<long> AnalyzerRequests = Meter.CreateCounter<long>("pipeline.analyzer.requests", description: "Language service HTTP attempts, by kind and status (0: no response).");
    public static readonly Counter<long> AnalyzerRetries = Meter.CreateCounter<long>("pipeline.analyzer.retries", description: "Language service attempts retried, by reason.");
    public static readonly Counter<long> AnalyzerThrottles = Meter.CreateCounter<long>("pipeline.analyzer.throttles", description: "Language service 429 answers.");
    public static readonly Counter<double> AnalyzerRetryDelay = Meter.CreateCounter<double>("pipeline.analyzer.retry_delay", unit: "ms", description: "Total delay added by Language service retries.");
    public static readonly Counter<long> BilledTextRecords = Meter.CreateCounter<long>("pipeline.analyzer.billed_text_records", description: "Text records the Language service reported in csp-billing-usage.");
    public static readonly Counter<long> AnalysisCache = Meter.CreateCounter<long>("pipeline.analyzer.cache", description: "Enrichment cache lookups, by result (hit, miss).");
    /// <summary>Messages waiting per queue, by <c>queue</c>, measured by a timer: Storage has no per-queue metric for alerts to watch.</summary>
    public static readonly Gauge<long> QueueDepth = Meter.CreateGauge<long>("pipeline.queue.depth", description: "Messages waiting in a pipeline queue, by queue.");
    public static readonly Histogram<double> ArticleLatency = Meter.CreateHistogram<double>("pipeline.article.latency", unit: "s", description: "From the article blob's last-modified time to its record for the summary.");
    public static readonly Counter<long> MessagesRejected = Meter.CreateCounter<long>("pipeline.messages.rejected", description: "Enriched-queue messages that were not enriched articles, moved to the poison queue.");
    public static readonly Counter<long> ItemsReplayed = Meter.CreateCounter<long>("pipeline.items.replayed", description: "Quarantined or poisoned items sent back through the pipeline, by source.");

    /// <summary>
    /// Starts an activity that continues the trace named by a W3C <paramref name="traceParent"/> carried in a message, so one
    /// article is one trace across the queue. The ambient activity (e.g. the Functions invocation) stays reachable as a link.
    /// </summary>
    public static Activity? StartContinuation(string name, string? traceParent)
    {
        if (!ActivityContext.TryParse(traceParent, null, isRemote: true, out var parent))
            return Source.StartActivity(name, ActivityKind.Consumer);
        ActivityLink[]? links = Activity.Current is { } ambient ? [new ActivityLink(ambient.Context)] : null;
        return Source.StartActivity(name, ActivityKind.Consumer, parent, links: links);
    }
}
