using System.ComponentModel.DataAnnotations;

namespace Pipeline.Ingestion;

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
