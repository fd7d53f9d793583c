using System.ComponentModel.DataAnnotations;

namespace Pipeline.Core;

/// <summary>Which analyzer the pipeline runs: the built-in offline one, or Azure AI Language.</summary>
public enum AnalyzerKind { Offline, AzureLanguage }

/// <summary>Settings under <c>Pipeline</c> (environment: <c>Pipeline__...</c>).</summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    public AnalyzerKind Analyzer { get; set; } = AnalyzerKind.Offline;
}

/// <summary>Settings under <c>Pipeline:Ingestion</c>.</summary>
public sealed class IngestionOptions
{
    public const string Section = "Pipeline:Ingestion";

    /// <summary>Larger blobs are quarantined as TooLarge without being read.</summary>
    [Range(1, 256L * 1024 * 1024)]
    public long MaxArticleBytes { get; set; } = 10 * 1024 * 1024;
}

/// <summary>Settings under <c>Pipeline:Enrichment</c>: what one enriched document may carry.</summary>
public sealed class EnrichmentOptions
{
    public const string Section = "Pipeline:Enrichment";

    /// <summary>Entity mentions kept, in document order; <c>statistics.entityMentions</c> still counts them all.</summary>
    [Range(1, 1_000_000)] public int MaxEntities { get; set; } = 5_000;

    /// <summary>Sentence sentiments kept, in document order; <c>statistics.sentences</c> still counts them all.</summary>
    [Range(1, 1_000_000)] public int MaxSentences { get; set; } = 5_000;
}

/// <summary>Settings under <c>Pipeline:Summary</c>.</summary>
public sealed class SummaryOptions
{
    public const string Section = "Pipeline:Summary";

    [Range(1, 500)] public int LatestArticles { get; set; } = 20;
    [Range(1, 24 * 7)] public int HourlyBuckets { get; set; } = 48;
    [Range(1, 100)] public int TopEntitiesPerCategory { get; set; } = 10;

    /// <summary>Entities tracked with exact counts; past this the ones in fewest articles are dropped (documented as the only approximation).</summary>
    [Range(100, 1_000_000)] public int MaxTrackedEntities { get; set; } = 50_000;

    /// <summary>Pending articles folded into one summary write.</summary>
    [Range(1, 1000)] public int FoldBatchSize { get; set; } = 250;

    /// <summary>
    /// The shortest time between two folds started by one instance. Every fold costs about eight storage requests
    /// (lease, state read and write, the rendered summary, the pending query, the applied marks) whether it carries one
    /// article or two hundred, so under load folds are spaced and each carries more; idle, the first fold starts at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan FoldMinInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long one folder holds the fold lease between renewals (Azure allows 15–60 s).</summary>
    [Range(typeof(TimeSpan), "00:00:15", "00:01:00")]
    public TimeSpan FoldLeaseDuration { get; set; } = TimeSpan.FromSeconds(30);
}
