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
