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

    /// <summary>
    /// Wall time one article's own computation may take: parsing, chunking and a local analyzer, not the waits of a remote
    /// one. Past it the article is quarantined as TooComplex with the stage named, and the worker takes the next one.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")] public TimeSpan ComputeBudget { get; set; } = TimeSpan.FromSeconds(30);
}
