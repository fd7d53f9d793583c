namespace Pipeline.Contracts;

/// <summary>
/// The one place where containers, queues, tables and setting names live. infra/main.bicep declares the same names,
/// and a test over the compiled template keeps the two in step.
/// </summary>
public static class PipelineNames
{
    /// <summary>Connection setting for the pipeline's data account (connection string locally; <c>PipelineStorage__blobServiceUri</c> etc. in Azure).</summary>
    public const string StorageConnection = "PipelineStorage";

    public const string ArticlesContainer = "articles";
    public const string EnrichedContainer = "enriched";
    public const string QuarantineContainer = "quarantine";
    public const string SummariesContainer = "summaries";

    public const string EnrichedQueue = "articles-enriched";
    /// <summary>The queue the Functions/WebJobs queue extension moves a message to after its last dequeue.</summary>
    public const string EnrichedPoisonQueue = EnrichedQueue + "-poison";
    /// <summary>Where blob-trigger invocations land when every retry failed (the host's own name for it).</summary>
    public const string BlobPoisonQueue = "webjobs-blobtrigger-poison";

    /// <summary>Per-article summary records (head and revisions), the source of the summary's exactly-once effect.</summary>
    public const string ArticlesTable = "articles";

    /// <summary>Analysis results by content hash + analyzer + model version, so identical text is analysed (and billed) once.</summary>
    public const string AnalysisCacheTable = "analysiscache";

    public const string LatestSummaryBlob = "latest.json";
    public const string SummaryStateBlob = "state.json";

    public static readonly IReadOnlyList<string> Containers = [ArticlesContainer, EnrichedContainer, QuarantineContainer, SummariesContainer];
    public static readonly IReadOnlyList<string> Queues = [EnrichedQueue, EnrichedPoisonQueue];
    public static readonly IReadOnlyList<string> Tables = [ArticlesTable, AnalysisCacheTable];
}
