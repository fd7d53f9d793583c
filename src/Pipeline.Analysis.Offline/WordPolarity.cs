using System.Globalization;
using Pipeline.Analysis.Text;

namespace Pipeline.Analysis.Offline;

/// <summary>
/// Fast mode's learned sentence polarity: a linear model over the mean of per-word scalars plus the VADER rules'
/// scores. Each word's scalar is its all-MiniLM-L6-v2 embedding (the word encoded on its own) times the weights of a
/// logistic regression that tools/sentiment-words trained on the mean word embedding of the UCI imdb sentences, so
/// the 384 numbers per word collapse into one and scoring is a dictionary lookup per word (word-polarity.tsv).
/// Negation, contrast and the rules' intensity operators act on the scalars the same way in training and here
/// (<see cref="Factors"/>).
/// </summary>
internal sealed class WordPolarity
{
    /// <summary>The factor of a word in a negator's reach ("not good"): learned with the rest of the model.</summary>
    public double NegatedFactor { get; }

    /// <summary>The factor of a word before a contrast ("fine, but ..."); words after it weigh 1.5: learned too.</summary>
    public double BeforeContrastFactor { get; }

    /// <summary>
    /// A booster ("very good") multiplies the next content word by 1 + this, a dampener ("slightly good") by 1 - this;
    /// the operators themselves are not averaged. Tables before analyzer 1.5.0 have none (0: operators are ordinary words).
    /// </summary>
    public double BoostStep { get; }

    /// <summary>
    /// Whether negators are operators only (not averaged) when <see cref="BoostStep"/> is set; otherwise they are averaged
    /// like words (tools/sentiment-words chooses which by cross-validation; its README has the figures).
    /// </summary>
    public bool NegatorsAreOperators { get; }

    /// <summary>Bias, then one weight per <see cref="LexiconFeatures"/> entry, then the weight of the mean word scalar.</summary>
    public double Bias { get; }
    public double[] LexiconWeights { get; }
    public double WordWeight { get; }

    public Dictionary<string, float> Words { get; } = new(StringComparer.OrdinalIgnoreCase);

    private WordPolarity(double negatedFactor, double beforeContrast, double boostStep, bool negatorsAreOperators, double bias,
        double[] lexiconWeights, double wordWeight)
    {
        BoostStep = boostStep;
        NegatorsAreOperators = negatorsAreOperators;
        NegatedFactor = negatedFactor;
        BeforeContrastFactor = beforeContrast;
        Bias = bias;
        LexiconWeights = lexiconWeights;
        WordWeight = wordWeight;
    }

    public static int LexiconFeatureCount => 3;

    /// <summary>The rules' scores as features: the compound score and the positive and negative shares.</summary>
    public static void LexiconFeatures(SentimentScorer.Score score, Span<double> features)
    {
        features[0] = score.Compound;
        features[1] = score.Positive;
        features[2] = score.Negative;
    }

    /// <summary>Reads word-polarity.tsv: "#" comments, "@negation", "@contrast", "@boost", "@negators" (1: operators only), "@bias", "@lexicon" and "@words" lines, then word TAB scalar.</summary>
    public static WordPolarity Parse(IEnumerable<string> lines)
    {
        double negation = -1, contrast = 0.5, boost = 0, negatorOperators = 0, bias = 0, wordWeight = 1;
        double[] lexicon = new double[LexiconFeatureCount];
        var words = new List<(string, float)>(100_000);
        foreach (var line in lines)
        {
            int tab = line.IndexOf('\t');
            if (tab < 0) continue;
            var key = line.AsSpan(0, tab);
            var value = line.AsSpan(tab + 1);
            if (key.Length > 1 && key[0] == '@')
            {
                var numbers = value.ToString().Split('\t').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
                switch (key[1..])
                {
                    case "negation": negation = numbers[0]; break;
                    case "contrast": contrast = numbers[0]; break;
                    case "boost": boost = numbers[0]; break;
                    case "negators": negatorOperators = numbers[0]; break;
                    case "bias": bias = numbers[0]; break;
                    case "words": wordWeight = numbers[0]; break;
                    case "lexicon": lexicon = numbers; break;
                }
                continue;
            }
            words.Add((key.ToString(), float.Parse(value, CultureInfo.InvariantCulture)));
        }
        var model = new WordPolarity(negation, contrast, boost, negatorOperators != 0, bias, lexicon, wordWeight);
        model.Words.EnsureCapacity(words.Count);
        foreach (var (w, v) in words) model.Words[w] = v;
        return model;
    }

    /// <summary>The log-odds that the sentence is positive.</summary>
    public double LogOdds(string text, List<Token> tokens, int start, int end, SentimentScorer.Score lexicon, SentimentScorer rules)
    {
        Span<double> factors = end - start <= 256 ? stackalloc double[end - start] : new double[end - start];
        int n = Factors(text, tokens, start, end, NegatedFactor, BeforeContrastFactor, BoostStep, NegatorsAreOperators, rules, factors);
        var lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();
        double sum = 0;
        for (int i = start; i < end; i++)
        {
            double f = factors[i - start];
            if (f != 0 && lookup.TryGetValue(text.AsSpan(tokens[i].Start, tokens[i].Length), out float v)) sum += f * v;
        }
        Span<double> features = stackalloc double[LexiconFeatureCount];
        LexiconFeatures(lexicon, features);
        double z = Bias + WordWeight * (n == 0 ? 0 : sum / n);
        for (int k = 0; k < features.Length; k++) z += LexiconWeights[k] * features[k];
        return z;
    }

    /// <summary>Whether a contrast ("but", "however", ...) follows the sentence's first word.</summary>
    public static bool HasContrast(string text, List<Token> tokens, int start, int end)
    {
        for (int i = start + 1; i < end; i++)
            if (tokens[i].Kind == TokenKind.Word && Contrasts.Contains(text.AsSpan(tokens[i].Start, tokens[i].Length))) return true;
        return false;
    }

    private static readonly WordSet Contrasts = new(StringComparer.OrdinalIgnoreCase) { "but", "however", "yet", "although", "though" };

    /// <summary>
    /// Each token's weight in the sentence's mean word vector: 0 for punctuation, numbers and symbols; 1 for a word,
    /// times <paramref name="negated"/> when a negator stands among the three words before it in the same clause
    /// (as in the rules), times <paramref name="beforeContrast"/> before the first "but" and 1.5 after it. With a
    /// <paramref name="boost"/> step, the rules' intensity operators (<see cref="SentimentScorer.IntensityOperator"/>) are
    /// not content words: they weigh 0 and are not counted, and a booster multiplies the next content word of its clause
    /// by 1 + <paramref name="boost"/>, a dampener by 1 - <paramref name="boost"/>, as the rules scale the next rated word;
    /// with <paramref name="negatorsAreOperators"/> negators are left out of the mean too (their reach is unchanged).
    /// Returns the number of words counted.
    /// </summary>
    public static int Factors(string text, List<Token> tokens, int start, int end, double negated, double beforeContrast, double boost,
        bool negatorsAreOperators, SentimentScorer rules, Span<double> factors)
    {
        factors.Clear();
        int words = 0, contrastAt = -1, negationLeft = 0;
        double pending = 1;
        for (int i = start; i < end; i++)
        {
            var t = tokens[i];
            if (t.Kind != TokenKind.Word)
            {
                // A clause ends the reach of a negator ("not only that, it was fun").
                if (t.Kind == TokenKind.Punctuation && text[t.Start] is ',' or ';' or ':' or '-' or '(' or '"' or '.' or '!' or '?')
                    (negationLeft, pending) = (0, 1);
                continue;
            }
            var word = text.AsSpan(t.Start, t.Length);
            if (Contrasts.Contains(word))
            {
                words++;
                if (contrastAt < 0 && i > start) contrastAt = i;
                (negationLeft, pending) = (0, 1);
                factors[i - start] = 1;
                continue;
            }
            bool negator = SentimentScorer.IsNegation(word);
            int intensity = boost != 0 && !negator ? rules.IntensityOperator(text, tokens, i, end) : 0;
            if (boost != 0 && (negator && negatorsAreOperators || intensity != 0))
            {
                // An operator: it changes the words after it and is not averaged itself.
                pending *= 1 + intensity * boost;
                if (negationLeft > 0) negationLeft--;
                if (negator) negationLeft = 3;
                continue;
            }
            words++;
            factors[i - start] = (negationLeft > 0 ? negated : 1) * pending;
            pending = 1;
            if (negationLeft > 0) negationLeft--;
            if (negator) negationLeft = 3;
        }
        if (contrastAt >= 0)
            for (int i = start; i < end; i++) factors[i - start] *= i < contrastAt ? beforeContrast : 1.5;
        return words;
    }
}
