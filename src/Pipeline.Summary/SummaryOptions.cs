using System.ComponentModel.DataAnnotations;

namespace Pipeline.Summary;

/// <summary>Settings under <c>Pipeline:Summary</c>.</summary>
public sealed class SummaryOptions
{
    public const string Section = "Pipeline:Summary";

    [Range(1, 500)] public int LatestArticles { get; set; } = 20;
    [Range(1, 24 * 7)] public int HourlyBuckets { get; set; } = 48;
    [Range(1, 100)] public int TopEntitiesPerCategory { get; set; } = 10;

    /// <summary>Entities tracked with exact counts; past this the ones in fewest articles are dropped (documented as the only approximation).</summary>
    [Range(100, 1_000_000)] public int MaxTrackedEntities { get; set; } = 50_000;

    /// <summary>Surface forms counted per entity ("US", "United States", ...); a form first seen while the list is full is not shown.</summary>
    [Range(1, 50)] public int MaxAliasesPerEntity { get; set; } = 8;

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
