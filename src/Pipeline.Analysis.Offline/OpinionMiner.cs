using Pipeline.Analysis.Text;

namespace Pipeline.Analysis.Offline;

/// <summary>One evaluative word and whether a negation before it turns it round; offsets are UTF-16.</summary>
public sealed record MinedAssessment(int Offset, int Length, double Valence, bool IsNegated);

/// <summary>A target and the assessments that describe it, in text order.</summary>
public sealed record MinedOpinion(int Offset, int Length, IReadOnlyList<MinedAssessment> Assessments);

/// <summary>
/// Opinion mining by rule, not by a parser: an assessment is a word of the offline analyzer's sentiment lexicon (not a
/// stop word) strong enough to carry an opinion; its target is the noun it describes, taken as the last content word of
/// the run right after it ("sleek aluminium <b>design</b>") or else the nearest content word before it in the same
/// clause ("the <b>staff</b> were not friendly"). An assessment with neither is left out, so every assessment has a target.
/// </summary>
public sealed class OpinionMiner
{
    /// <summary>Lexicon valences run from -4 to 4; weaker words ("yes", "ok") are not opinions about anything.</summary>
    private const double EvaluativeValence = 1.0;

    /// <summary>A negation this many words before an assessment negates it ("was not very good").</summary>
    private const int NegationReach = 3;

    private readonly Dictionary<string, double> _valence;
    private readonly WordSet _stopWords;

    public OpinionMiner()
    {
        var data = OfflineData.Instance;
        _valence = data.Valence;
        _stopWords = data.StopWords["en"];
    }

    /// <summary>The opinions in the sentence at [<paramref name="offset"/>, +<paramref name="length"/>) of the tokenised text.</summary>
    public IReadOnlyList<MinedOpinion> Mine(string text, List<Token> tokens, int offset, int length)
    {
        int start = tokens.FindIndex(t => t.Start >= offset);
        if (start < 0) return [];
        int end = start;
        while (end < tokens.Count && tokens[end].End <= offset + length) end++;

        var byTarget = new SortedDictionary<int, (int Length, List<MinedAssessment> Assessments)>();
        for (int i = start; i < end; i++)
        {
            if (!IsContent(text, tokens[i]) || !_valence.TryGetValue(Word(text, tokens[i]), out double valence) || Math.Abs(valence) < EvaluativeValence)
                continue;
            int target = TargetAfter(text, tokens, i, end) ?? TargetBefore(text, tokens, i, start) ?? -1;
            if (target < 0) continue;
            if (!byTarget.TryGetValue(tokens[target].Start, out var opinion))
                byTarget[tokens[target].Start] = opinion = (tokens[target].Length, []);
            opinion.Assessments.Add(new MinedAssessment(tokens[i].Start, tokens[i].Length, valence, Negated(text, tokens, i, start)));
        }
        return byTarget.Select(t => new MinedOpinion(t.Key, t.Value.Length, t.Value.Assessments)).ToList();
    }

    private int? TargetAfter(string text, List<Token> tokens, int i, int end)
    {
        int? target = null;
        for (int j = i + 1; j < end && IsContent(text, tokens[j]); j++)
            if (!IsEvaluative(text, tokens[j])) target = j;
        return target;
    }

    private int? TargetBefore(string text, List<Token> tokens, int i, int start)
    {
        for (int j = i - 1; j >= start && tokens[j].Kind == TokenKind.Word; j--)
            if (IsContent(text, tokens[j]) && !IsEvaluative(text, tokens[j])) return j;
        return null;
    }

    private static bool Negated(string text, List<Token> tokens, int i, int start)
    {
        for (int j = i - 1, words = 0; j >= start && words < NegationReach && tokens[j].Kind == TokenKind.Word; j--, words++)
            if (SentimentScorer.IsNegation(text.AsSpan(tokens[j].Start, tokens[j].Length))) return true;
        return false;
    }

    private bool IsContent(string text, Token token) =>
        token.Kind == TokenKind.Word && token.Length > 1 && !_stopWords.Contains(Word(text, token));

    private bool IsEvaluative(string text, Token token) =>
        _valence.TryGetValue(Word(text, token), out double valence) && Math.Abs(valence) >= EvaluativeValence;

    private static string Word(string text, Token token) => text.Substring(token.Start, token.Length);
}
