using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Pipeline.Core.Diagnostics;

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
}
