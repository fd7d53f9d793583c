using Pipeline.Core.Text;
namespace Pipeline.Core.Analysis.Offline;

/// <summary>
/// VADER's rules (Hutto and Gilbert, 2014) over the VADER lexicon plus news phrases: boosters and dampeners,
/// negation in the three words before a term, "but" shifting weight to the clause after it, capitalised emphasis
/// and exclamation marks; the valence sum is squashed into a compound score in [-1, 1].
/// </summary>
internal sealed class SentimentScorer(OfflineData data)
{
    private const double BoosterStep = 0.293;
    private const double NegationScalar = -0.74;
    private const double CapsEmphasis = 0.733;
    private const double Threshold = 0.05;

    private static readonly Dictionary<string, double> Boosters = new(StringComparer.OrdinalIgnoreCase)
    {
        ["very"] = BoosterStep, ["extremely"] = BoosterStep, ["really"] = BoosterStep, ["so"] = BoosterStep,
        ["incredibly"] = BoosterStep, ["highly"] = BoosterStep, ["hugely"] = BoosterStep, ["deeply"] = BoosterStep,
        ["absolutely"] = BoosterStep, ["completely"] = BoosterStep, ["totally"] = BoosterStep, ["utterly"] = BoosterStep,
        ["most"] = BoosterStep, ["more"] = BoosterStep, ["too"] = BoosterStep, ["sharply"] = BoosterStep,
        ["severely"] = BoosterStep, ["significantly"] = BoosterStep, ["exceptionally"] = BoosterStep, ["super"] = BoosterStep,
        ["slightly"] = -BoosterStep, ["somewhat"] = -BoosterStep, ["barely"] = -BoosterStep, ["marginally"] = -BoosterStep,
        ["partly"] = -BoosterStep, ["fairly"] = -BoosterStep, ["less"] = -BoosterStep, ["little"] = -BoosterStep,
    };

    private static readonly HashSet<string> Negators = new(StringComparer.OrdinalIgnoreCase)
    {
        "not", "no", "never", "without", "nor", "neither", "nobody", "nothing", "none", "hardly", "cannot", "cant",
        "dont", "didnt", "doesnt", "isnt", "wasnt", "arent", "werent", "wont", "wouldnt", "couldnt", "shouldnt", "aint",
        "lack", "lacked", "lacks", "failed", "fails", "neednt", "rarely", "seldom",
    };

    private static readonly HashSet<string> Contrasts = new(StringComparer.OrdinalIgnoreCase) { "but", "however", "yet", "although", "though" };

    internal readonly record struct Score(double Compound, double Positive, double Neutral, double Negative);

    public Score ScoreSentence(string text, List<Token> tokens, int start, int end)
    {
        Span<double> valences = end - start <= 256 ? stackalloc double[end - start] : new double[end - start];
        valences.Clear();
        var valence = data.Valence.GetAlternateLookup<ReadOnlySpan<char>>();
        var boosters = Boosters.GetAlternateLookup<ReadOnlySpan<char>>();
        bool mixedCase = HasLowerCaseWord(text, tokens, start, end);
        int contrastAt = -1, words = 0, exclamations = 0, questions = 0;

        for (int i = start; i < end; i++)
        {
            var t = tokens[i];
            if (t.Kind != TokenKind.Word)
            {
                char c = text[t.Start];
                if (c == '!') exclamations++;
                else if (c == '?') questions++;
                continue;
            }
            words++;
            var word = text.AsSpan(t.Start, t.Length);
            if (contrastAt < 0 && i > start && Contrasts.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)) contrastAt = i;

            double v;
            int span = 1;
            if (data.ValencePhrases.TryMatch(text, tokens, i, end, out int phraseLength, out var phrase) && phraseLength > 1)
            {
                v = phrase.Weight;
                span = phraseLength;
            }
            else if (!valence.TryGetValue(word, out v) || boosters.ContainsKey(word) || IsComparisonLike(text, tokens, start, i, word))
            {
                continue;
            }

            // As in VADER, "no" before a rated word only negates it ("no problem") and carries no valence of its own.
            if (word.Equals("no", StringComparison.OrdinalIgnoreCase) && NextWordIsRated(text, tokens, i, end)) continue;
            if (mixedCase && t.AllCaps) v += Math.Sign(v) * CapsEmphasis;
            // Boosters and negators look back over the three words before the term, fading with distance.
            int seen = 0;
            bool negated = false;
            for (int k = i - 1; k >= start && seen < 3; k--)
            {
                if (tokens[k].Kind != TokenKind.Word) continue;
                var before = text.AsSpan(tokens[k].Start, tokens[k].Length);
                if (boosters.TryGetValue(before, out double boost)) v += Math.Sign(v) * boost * (1 - 0.05 * seen);
                if (IsNegation(before)) negated = true;
                seen++;
            }
            if (negated) v *= NegationScalar;
            valences[i - start] = v;
            i += span - 1;
        }

        if (contrastAt >= 0)
        {
            // The clause after "but" carries the speaker's point.
            for (int i = start; i < end; i++) valences[i - start] *= i < contrastAt ? 0.5 : 1.5;
        }

        double sum = 0, positive = 0, negative = 0;
        int neutral = 0;
        foreach (double v in valences)
        {
            sum += v;
            if (v > 0) positive += v + 1;
            else if (v < 0) negative += v - 1;
        }
        for (int i = start; i < end; i++)
            if (tokens[i].Kind == TokenKind.Word && valences[i - start] == 0) neutral++;

        if (sum != 0)
        {
            double emphasis = Math.Min(exclamations, 4) * 0.292 + (questions > 1 ? Math.Min(questions, 3) * 0.18 : 0);
            sum += Math.Sign(sum) * emphasis;
        }
        double compound = sum / Math.Sqrt(sum * sum + 15);
        double total = positive - negative + neutral;
        if (words == 0 || total == 0) return new Score(0, 0, 1, 0);
        return new Score(compound, positive / total, neutral / total, Math.Abs(negative) / total);
    }

    /// <summary>The label and confidence scores the way Azure reports them: the label's score is the largest.</summary>
    public static (SentimentLabel Label, SentimentScores Scores) ToResult(Score score)
    {
        double strength = Math.Abs(score.Compound);
        double opposite = score.Compound >= 0 ? score.Negative : score.Positive;
        if (strength < Threshold)
        {
            double rest = Math.Min(0.4, strength * 4 + (score.Positive + score.Negative) * 0.3);
            double posShare = score.Positive + score.Negative > 0 ? score.Positive / (score.Positive + score.Negative) : 0.5;
            return (SentimentLabel.Neutral, SentimentMerger.Normalise(rest * posShare, 1 - rest, rest * (1 - posShare)));
        }
        double main = 0.5 + 0.5 * strength;
        double other = (1 - main) * Math.Min(1, opposite * 2);
        double neutral = 1 - main - other;
        return score.Compound > 0
            ? (SentimentLabel.Positive, SentimentMerger.Normalise(main, neutral, other))
            : (SentimentLabel.Negative, SentimentMerger.Normalise(other, neutral, main));
    }

    /// <summary>
    /// "like" is a preposition ("tasted like dirt", "looks like rain") unless someone likes something: a subject,
    /// an auxiliary or "to" before it ("I like", "didn't like", "would like", "to like").
    /// </summary>
    private static bool IsComparisonLike(string text, List<Token> tokens, int start, int i, ReadOnlySpan<char> word)
    {
        if (!word.Equals("like", StringComparison.OrdinalIgnoreCase)) return false;
        if (i == start || tokens[i - 1].Kind != TokenKind.Word) return true;
        var before = text.AsSpan(tokens[i - 1].Start, tokens[i - 1].Length);
        return !LikeSubjects.GetAlternateLookup<ReadOnlySpan<char>>().Contains(before) && !IsNegation(before);
    }

    private bool NextWordIsRated(string text, List<Token> tokens, int i, int end) =>
        i + 1 < end && tokens[i + 1].Kind == TokenKind.Word && data.Valence.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(text.AsSpan(tokens[i + 1].Start, tokens[i + 1].Length));

    private static readonly HashSet<string> LikeSubjects = new(StringComparer.OrdinalIgnoreCase)
        { "i", "we", "you", "they", "he", "she", "would", "really", "do", "did", "does", "to", "also", "just", "definitely", "always", "still" };

    private static bool IsNegation(ReadOnlySpan<char> word) =>
        Negators.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)
        || word.EndsWith("n't", StringComparison.OrdinalIgnoreCase) || word.EndsWith("n\u2019t", StringComparison.OrdinalIgnoreCase);

    private static bool HasLowerCaseWord(string text, List<Token> tokens, int start, int end)
    {
        for (int i = start; i < end; i++)
            if (tokens[i].Kind == TokenKind.Word && !tokens[i].AllCaps && char.IsLower(text[tokens[i].Start])) return true;
        return false;
    }
}
