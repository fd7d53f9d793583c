namespace Pipeline.Analysis.Offline;

/// <summary>
/// The offline analyzer's optional "accurate" sentence-polarity model. It lives in its own project
/// (src/Pipeline.Analysis.MiniLM: a 90 MB ONNX model and its runtime), so hosts that do not use it stay lean.
/// </summary>
public interface ISentencePolarityModel
{
    /// <summary>Starts loading the model in the background, so the analyzer's construction stays instant.</summary>
    void Preload();

    /// <summary>The probability that each sentence is positive, given its text and its lexicon score (positive minus negative).</summary>
    double[] PositiveProbability(string[] sentences, double[] lexicon);
}
