namespace Pipeline.Contracts;

/// <summary>
/// The one place where containers, queues, tables and setting names live. infra/main.bicep declares the same names,
/// and a test over the compiled template keeps the two in step.
/// </summary>
public static class PipelineNames
{
    /// <summary>Connection setting for the pipeline's data account (connection string locally; <c>PipelineStorage__blobServiceUri</c> etc. in Azure).</summary>
    public const string StorageConnection = "PipelineStorage";

    /// <summary>Where newsroom systems upload article files; every blob written here is ingested.</summary>
    public const string ArticlesContainer = "articles";

    /// <summary>Each article's enriched document, <c>{articleId}.json</c>, at its latest revision; also the analysis cache's oversized entries.</summary>
    public const string EnrichedContainer = "enriched";

    /// <summary>Rejected articles, copied as <c>{name}</c>, each with its <see cref="QuarantineRecord"/>.</summary>
    public const string QuarantineContainer = "quarantine";

    /// <summary>The summary document (<see cref="LatestSummaryBlob"/>) and the running totals behind it (<see cref="SummaryStateBlob"/>).</summary>
    public const string SummariesContainer = "summaries";

    /// <summary>
    /// Where Event Grid dead-letters an event it could not deliver (30 attempts or 24 hours): one JSON array of events per
    /// blob, each with its <c>deadLetterReason</c>. <c>pipeline replay --dead-letter</c> feeds them back in.
    /// </summary>
    public const string DeadLetterContainer = "deadletter";

    /// <summary>One message per enriched revision: the enriched document, or a reference to it (<see cref="EnrichedArticleMessage"/>).</summary>
    public const string EnrichedQueue = "articles-enriched";

    /// <summary>
    /// The queue the Functions/WebJobs queue extension moves a message to after its last dequeue; the summarize stage moves a
    /// message that is not an enriched article there at once.
    /// </summary>
    public const string EnrichedPoisonQueue = EnrichedQueue + "-poison";

    /// <summary>
    /// One message per deleted article blob: the <c>Microsoft.Storage.BlobDeleted</c> event, in Event Grid or CloudEvents
    /// schema. Event Grid delivers it here in Azure; the local article scanner writes the same event when a blob disappears.
    /// </summary>
    public const string DeletedQueue = "articles-deleted";

    /// <summary>Where a deletion message goes after its last dequeue, or at once when it is not a blob-deleted event.</summary>
    public const string DeletedPoisonQueue = DeletedQueue + "-poison";

    /// <summary>Where blob-trigger invocations land when every retry failed (the host's own name for it).</summary>
    public const string BlobPoisonQueue = "webjobs-blobtrigger-poison";

    /// <summary>Per-article summary records (head and revisions), the source of the summary's exactly-once effect.</summary>
    public const string ArticlesTable = "articles";

    /// <summary>Analysis results by content hash + analyzer + model version, so identical text is analysed (and billed) once.</summary>
    public const string AnalysisCacheTable = "analysiscache";

    /// <summary>The <see cref="SummaryDocument"/> dashboards read, in <see cref="SummariesContainer"/>.</summary>
    public const string LatestSummaryBlob = "latest.json";

    /// <summary>The summary's running totals, in <see cref="SummariesContainer"/>: the summarize stage's own state, not a contract.</summary>
    public const string SummaryStateBlob = "state.json";

    /// <summary>Metadata on <c>enriched/{id}.json</c>: the source blob's last-modified ticks, which order revisions.</summary>
    public const string SourceModifiedMetadata = "sourcelastmodified";

    /// <summary>The containers the pipeline creates when they are missing.</summary>
    public static readonly IReadOnlyList<string> Containers = [ArticlesContainer, EnrichedContainer, QuarantineContainer, SummariesContainer, DeadLetterContainer];

    /// <summary>The queues the pipeline creates when they are missing; <see cref="BlobPoisonQueue"/> is left to the host.</summary>
    public static readonly IReadOnlyList<string> Queues = [EnrichedQueue, EnrichedPoisonQueue, DeletedQueue, DeletedPoisonQueue];

    /// <summary>The tables the pipeline creates when they are missing.</summary>
    public static readonly IReadOnlyList<string> Tables = [ArticlesTable, AnalysisCacheTable];
}
