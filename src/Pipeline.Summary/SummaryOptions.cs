using System.ComponentModel.DataAnnotations;

namespace Pipeline.Summary;

/// <summary>Settings under <c>Pipeline:Summary</c>.</summary>
public sealed class SummaryOptions
{
    public const string Section = "Pipeline:Summary";

    [Range(1, 500)] public int LatestArticles { get; set; } = 20;
    [Range(1, 24 * 7)] public int HourlyBuckets { get; set; } = 48;
    [Range(1, 100)] public int TopEntitiesPerCategory { get; set; } = 10;

    /// <summary>Entities tracked with exact counts; past this the ones in fewest articles are dropped (docs/exactly-once-summary.md).</summary>
    [Range(100, 1_000_000)] public int MaxTrackedEntities { get; set; } = 50_000;

    /// <summary>Surface forms counted per entity ("US", "United States", ...); a form first seen while the list is full is not shown.</summary>
    [Range(1, 50)] public int MaxAliasesPerEntity { get; set; } = 8;

    /// <summary>Recent articles kept per entity for the drill-down; a retraction can leave fewer until new articles come.</summary>
    [Range(1, 50)] public int MaxRecentArticlesPerEntity { get; set; } = 5;

    /// <summary>Co-occurring entities counted per entity; a partner first seen while the list is full is not counted.</summary>
    [Range(1, 200)] public int MaxRelatedPerEntity { get; set; } = 20;

    /// <summary>Publishers tracked; past this the ones in fewest articles are dropped, like entities.</summary>
    [Range(10, 100_000)] public int MaxTrackedPublishers { get; set; } = 1_000;

    /// <summary>An entity trends only with at least this many articles in the recent window, so one article never does.</summary>
    [Range(2, 1000)] public int TrendingMinArticles { get; set; } = 3;

    /// <summary>How many times its baseline rate an entity's recent rate must reach to trend.</summary>
    [Range(1.5, 100)] public double TrendingFactor { get; set; } = 3;

    /// <summary>Trending entities rendered in the summary.</summary>
    [Range(1, 100)] public int TrendingEntities { get; set; } = 10;

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
