using System.ComponentModel.DataAnnotations;

namespace Pipeline.Ingestion.Enrichment;

/// <summary>Settings under <c>Pipeline:Enrichment</c>: what one enriched document may carry.</summary>
public sealed class EnrichmentOptions
{
    public const string Section = "Pipeline:Enrichment";

    /// <summary>Entity mentions kept, in document order; <c>statistics.entityMentions</c> still counts them all.</summary>
    [Range(1, 1_000_000)] public int MaxEntities { get; set; } = 5_000;

    /// <summary>Sentence sentiments kept, in document order; <c>statistics.sentences</c> still counts them all.</summary>
    [Range(1, 1_000_000)] public int MaxSentences { get; set; } = 5_000;
}
