using System.ComponentModel.DataAnnotations;

namespace Pipeline.Ingestion;

/// <summary>Settings under <c>Pipeline:Ingestion</c>.</summary>
public sealed class IngestionOptions
{
    public const string Section = "Pipeline:Ingestion";

    /// <summary>Larger blobs are quarantined as TooLarge without being read.</summary>
    [Range(1, 256L * 1024 * 1024)]
    public long MaxArticleBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// Article bytes this process enriches at once. Parsing and analysis hold tens of bytes of memory per byte of input,
    /// so bytes in flight, not articles, decide the host's peak memory; an article larger than this takes all of it.
    /// </summary>
    [Range(64 * 1024, 1024L * 1024 * 1024)]
    public long MaxBytesInFlight { get; set; } = 2 * 1024 * 1024;
}
