using Pipeline.Analysis.Text;
namespace Pipeline.Analysis.Offline;

/// <summary>
/// VADER's rules (Hutto and Gilbert, 2014) over the VADER lexicon plus news phrases: boosters and dampeners,
/// negation in the three words before a term, "but" shifting weight to the clause after it, capitalised emphasis
/// and exclamation marks; the valence sum is squashed into a compound score in [-1, 1].
/// </summary>
internal sealed class SentimentScorer(OfflineData data, LanguageProfile? profile = null)
{
    // Another language brings its own lexicon and operator words; the English-only rules below ("too", "like",
    // ratings) then simply never fire.
    private readonly Dictionary<string, double> _valence = profile?.Valence ?? data.Valence;
    private readonly PhraseTrie _phrases = profile?.ValencePhrases ?? data.ValencePhrases;
    private readonly Dictionary<string, double> _boosters = profile?.Boosters ?? Boosters;
    private readonly WordSet _negators = profile?.Negators ?? Negators;
    private readonly WordSet _contrasts = profile?.Contrasts ?? Contrasts;
    private readonly WordSet _concessives = profile?.Concessives ?? [];
    private readonly WordSet _and = profile is { IsEnglish: false } ? profile.And : [];
    private readonly WordSet _adjectiveIntensifiers = profile?.AdjectiveIntensifiers ?? AdjectiveIntensifiers;

    /// <summary>
    /// The operator words a word is, and whether the lexicons know it, asked once per word: the rules below ask each word
    /// about them again and again, and most words of a sentence are in none of the tables.
    /// </summary>
    [Flags]
    private enum Cue : ushort
    {
        None = 0, Contrast = 1, Concessive = 2, NoneWord = 4, Averter = 8, Negator = 16, And = 32, Decrease = 64, Increase = 128,
        After = 256, Comment = 512,
        /// <summary>A rated phrase starts with the word.</summary>
        OpensPhrase = 1024,
        /// <summary>A number word a rating may start with ("two stars").</summary>
        SmallNumber = 2048,
        Booster = 4096,
        /// <summary>The word has a valence, and (where a profile rates it) is no verb of rise or decline.</summary>
        Rated = 8192,
        /// <summary>The finite part of a separable verb of rise or decline.</summary>
        Separable = 16384,
    }

    private readonly WordMemo<Cue> _cues = new(StringComparer.Ordinal);

    private Cue CuesOf(ReadOnlySpan<char> word)
    {
        if (_cues.TryGet(word, out var cues)) return cues;
        cues = (_contrasts.Contains(word) ? Cue.Contrast : 0) | (_concessives.Contains(word) ? Cue.Concessive : 0)
            | (_and.Contains(word) ? Cue.And : 0) | (Negates(word) ? Cue.Negator : 0)
            | (_phrases.Opens(word) ? Cue.OpensPhrase : 0) | (SmallNumberSpans.ContainsKey(word) ? Cue.SmallNumber : 0)
            | (_boosters.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(word) ? Cue.Booster : 0)
            | ((profile is null ? _valence.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(word) : profile.TryValence(word, out _) && !profile.IsChange(word)) ? Cue.Rated : 0);
        if (profile is not null)
            cues |= (profile.NoneWords.Contains(word) ? Cue.NoneWord : 0) | (profile.Averters.Contains(word) ? Cue.Averter : 0)
                | (profile.Decreases?.Contains(word) == true ? Cue.Decrease : 0) | (profile.Increases?.Contains(word) == true ? Cue.Increase : 0)
                | (profile.AfterWords.Contains(word) ? Cue.After : 0) | (profile.CommentVerbs.Contains(word) ? Cue.Comment : 0)
                | (profile.IsSeparableChangeVerb(word) ? Cue.Separable : 0);
        _cues.Remember(word, cues);
        return cues;
    }

    /// <summary>Each word's cues, for the tokens of one sentence; nothing for other tokens.</summary>
    private void ReadCues(string text, List<Token> tokens, int start, int end, Span<Cue> cues)
    {
        for (int i = start; i < end; i++)
            cues[i - start] = tokens[i].Kind == TokenKind.Word ? CuesOf(text.AsSpan(tokens[i].Start, tokens[i].Length)) : Cue.None;
    }

    internal const double BoosterStep = 0.293;
    private const double NegationScalar = -0.74;
    private const double NoneScalar = -1.5;
    private const double SettingScalar = 0.25;
    /// <summary>What a hardship lived through before the news weighs: as much as a conceded clause.</summary>
    private const double BackdropScalar = 0.5;
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

    private static readonly Dictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> BoosterSpans = Boosters.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly WordSet Negators = new(StringComparer.OrdinalIgnoreCase)
    {
        "not", "no", "never", "without", "nor", "neither", "nobody", "nothing", "none", "hardly", "cannot", "cant",
        "dont", "didnt", "doesnt", "isnt", "wasnt", "arent", "werent", "wont", "wouldnt", "couldnt", "shouldnt", "aint",
        "lack", "lacked", "lacks", "failed", "fails", "neednt", "rarely", "seldom",
    };

    /// <summary>Words with a valence of their own that only intensify when a rated word follows ("pretty bad", "truly awful").</summary>
    private static readonly WordSet BoostersBeforeRated = new(StringComparer.OrdinalIgnoreCase)
        { "pretty", "truly", "quite", "rather", "real", "genuinely", "seriously", "particularly", "especially", "remarkably" };

    /// <summary>Positive adjectives that only intensify a negative noun after them ("a great disappointment", "a huge mess").</summary>
    private static readonly WordSet AdjectiveIntensifiers = new(StringComparer.OrdinalIgnoreCase)
        { "great", "huge", "big", "major", "complete", "total", "absolute", "real", "true", "utter", "pure" };

    /// <summary>Negation reaches this many words back ("wasn't the least bit interested"), never across a clause boundary.</summary>
    private const int NegationReach = 4;

    private const double TooValence = -1.0;

    private const double DeclineValence = -1.0;

    /// <summary>The valence of a quantity beside a verb of rise or decline, as much as a clearly rated word (AFINN 2).</summary>
    private const double QuantityValence = 1.6;

    /// <summary>How many words, articles, "of" and numbers aside, after a verb or noun of change its quantity may stand.</summary>
    private const int QuantityReach = 3;

    private static readonly Dictionary<string, int> SmallNumbers = new(StringComparer.OrdinalIgnoreCase)
        { ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10 };

    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> SmallNumberSpans = SmallNumbers.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// A score out of 10 or 5 ("9 out of 10", "10/10", "3/5", "two stars") as a valence: the top of the scale is +3,
    /// the bottom -3, the middle nothing.
    /// </summary>
    private static bool Rating(string text, List<Token> tokens, int i, int end, out double valence, out int span)
    {
        valence = 0;
        span = 0;
        var t = tokens[i];
        var w = text.AsSpan(t.Start, t.Length);
        int n;
        if (t.Kind == TokenKind.Number) { if (!int.TryParse(w, out n) || n > 10) return false; }
        else if (!SmallNumberSpans.TryGetValue(w, out n)) return false;
        string W(int k) => k < end ? text.Substring(tokens[k].Start, tokens[k].Length) : "";
        int scale;
        if (W(i + 1) == "/" && W(i + 2) is "10" or "5") { scale = int.Parse(W(i + 2), System.Globalization.CultureInfo.InvariantCulture); span = 3; }
        else if (W(i + 1).Equals("out", StringComparison.OrdinalIgnoreCase) && W(i + 2) == "of" && W(i + 3) is "10" or "5" or "ten" or "five")
        { scale = W(i + 3) is "10" or "ten" ? 10 : 5; span = 4; }
        else if (W(i + 1) is "stars" or "star" && n <= 5) { scale = 5; span = 2; }
        else return false;
        if (n > scale) return false;
        valence = 6.0 * n / scale - 3.0;
        return true;
    }

    private static bool NegatedBefore(string text, List<Token> tokens, int start, int i)
    {
        for (int k = i - 1, seen = 0; k >= start && seen < 2; k--)
        {
            if (tokens[k].Kind != TokenKind.Word) continue;
            if (IsNegation(text.AsSpan(tokens[k].Start, tokens[k].Length))) return true;
            seen++;
        }
        return false;
    }

    private static readonly WordSet Contrasts = new(StringComparer.OrdinalIgnoreCase) { "but", "however", "yet", "although", "though" };

    internal readonly record struct Score(double Compound, double Positive, double Neutral, double Negative);

    /// <param name="named">
    /// Tokens inside a recognised name, which carry no sentiment of their own: "Tribunal Supremo", "Banco Popular",
    /// "Hospital Vall d'Hebron". Null in English, whose rules were fitted without it.
    /// </param>
    public Score ScoreSentence(string text, List<Token> tokens, int start, int end, bool[]? named = null)
    {
        Span<double> valences = end - start <= 256 ? stackalloc double[end - start] : new double[end - start];
        valences.Clear();
        // Which words the loop below reads as verbs of prevention: not those inside a rated phrase it steps over.
        Span<bool> averters = end - start <= 256 ? stackalloc bool[end - start] : new bool[end - start];
        averters.Clear();
        Span<Cue> cues = end - start <= 256 ? stackalloc Cue[end - start] : new Cue[end - start];
        ReadCues(text, tokens, start, end, cues);
        var valence = _valence.GetAlternateLookup<ReadOnlySpan<char>>();
        var boosters = _boosters.GetAlternateLookup<ReadOnlySpan<char>>();
        bool mixedCase = HasLowerCaseWord(text, tokens, start, end);
        int contrastAt = -1, concessiveAt = -1, words = 0, exclamations = 0, questions = 0;
        // "Ninguno de los 212 pasajeros del avión que aterrizó de emergencia sufrió daños": "none of" denies the predicate,
        // the clause's last run of rated words, not what the subject's own words say ("que aterrizó de emergencia",
        // "afetadas pelos incêndios": a rated word after a preposition or an article is a complement's).
        int partitiveAt = -1, predicateStart = -1, predicateEnd = -1;
        bool predicateNegated = false, deniedHarm = false;
        void DenyPredicate(Span<double> valences)
        {
            for (int j = predicateStart; j >= 0 && j <= predicateEnd && !predicateNegated; j++)
            {
                deniedHarm |= valences[j - start] < 0;
                valences[j - start] *= valences[j - start] < 0 ? NoneScalar : NegationScalar;
            }
            partitiveAt = predicateStart = predicateEnd = -1;
        }

        for (int i = start; i < end; i++)
        {
            var t = tokens[i];
            if (t.Kind != TokenKind.Word)
            {
                if (t.Kind == TokenKind.Number && Rating(text, tokens, i, end, out double score, out int scoreSpan))
                {
                    valences[i - start] = score;
                    words++;
                    i += scoreSpan - 1;
                    continue;
                }
                if (IsClauseBreak(text, t)) DenyPredicate(valences);
                char c = text[t.Start];
                if (c == '!') exclamations++;
                else if (c == '?') questions++;
                continue;
            }
            words++;
            var word = text.AsSpan(t.Start, t.Length);
            // "sin embargo", "no entanto", "bien que": a cue of two words counts as the text writes it.
            var pair = i > start && tokens[i - 1].Kind == TokenKind.Word ? text.AsSpan(tokens[i - 1].Start, t.End - tokens[i - 1].Start) : [];
            var cue = cues[i - start];
            if (contrastAt < 0 && i > start && (cue & Cue.Contrast) != 0) contrastAt = i;
            if (contrastAt < 0 && i > start + 1 && !pair.IsEmpty && _contrasts.Contains(pair)) contrastAt = i - 1;
            if (concessiveAt < 0 && (cue & Cue.Concessive) != 0) concessiveAt = i;
            if (concessiveAt < 0 && !pair.IsEmpty && _concessives.Contains(pair)) concessiveAt = i - 1;
            if (partitiveAt < 0 && (cue & Cue.NoneWord) != 0 && IsPartitiveNone(text, tokens, i, end)) partitiveAt = i;
            averters[i - start] = (cue & Cue.Averter) != 0;
            if (named?[i] == true) continue;

            double v;
            int span = 1;
            if ((cue & Cue.OpensPhrase) != 0 && _phrases.TryMatch(text, tokens, i, end, out int phraseLength, out var phrase) && phraseLength > 1)
            {
                v = phrase.Weight;
                span = phraseLength;
            }
            else if ((cue & Cue.SmallNumber) != 0 && Rating(text, tokens, i, end, out double rating, out int ratingSpan))
            {
                // "9 out of 10", "10/10", "two stars": the reviewer's own score.
                valences[i - start] = rating;
                i += ratingSpan - 1;
                continue;
            }
            else if (word.Equals("too", StringComparison.OrdinalIgnoreCase) && i + 1 < end && tokens[i + 1].Kind == TokenKind.Word
                && !valence.ContainsKey(text.AsSpan(tokens[i + 1].Start, tokens[i + 1].Length)) && !NegatedBefore(text, tokens, start, i))
            {
                // "too predictable", "paid too much": excess is a complaint even when the word after it is neutral.
                valences[i - start] = TooValence;
                continue;
            }
            else if ((cue & Cue.Rated) == 0 || !(profile is null ? valence.TryGetValue(word, out v) : profile.TryValence(word, out v) && !averters[i - start])
                || (cue & Cue.Booster) != 0 || IsComparisonLike(text, tokens, start, i, word))
            {
                continue;
            }

            // As in VADER, "no" before a rated word only negates it ("no problem") and carries no valence of its own.
            if (word.Equals("no", StringComparison.OrdinalIgnoreCase) && NextWordIsRated(text, tokens, i, end)) continue;
            // "pretty bad", "truly, truly awful": an intensifier before a rated word has no valence of its own.
            if (span == 1 && BoostersBeforeRated.Contains(word) && NextRatedWithin(text, tokens, i, end, 2, out _)) continue;
            // "a great disappointment": a positive adjective before a negative word strengthens it instead.
            if (span == 1 && v > 0 && _adjectiveIntensifiers.Contains(word)
                && NextRatedWithin(text, tokens, i, end, 1, out double nextValence) && nextValence < 0) continue;
            if (mixedCase && t.AllCaps) v += Math.Sign(v) * CapsEmphasis;
            // Boosters and negators look back over the three words before the term, fading with distance.
            int seen = 0;
            bool negated = false, byNone = false;
            for (int k = i - 1; k >= start && seen < NegationReach; k--)
            {
                if (tokens[k].Kind != TokenKind.Word)
                {
                    // A clause ends the reach of a negator ("not only that, it was fun").
                    if (text[tokens[k].Start] is ',' or ';' or ':' or '-' or '(' or '"') break;
                    continue;
                }
                var before = text.AsSpan(tokens[k].Start, tokens[k].Length);
                // "no pudo evitar la quiebra": a negator before a verb of prevention denies the prevention, not the harm.
                if ((cues[k - start] & Cue.Contrast) != 0 || averters[k - start]) break;
                // "n'a obtenu aucun financement et risque d'être abandonné": a negator does not reach past "and" into the next clause.
                if ((cues[k - start] & Cue.And) != 0) break;
                if (seen < 3)
                {
                    if (boosters.TryGetValue(before, out double boost)) v += Math.Sign(v) * boost * (1 - 0.05 * seen);
                    else if (BoostersBeforeRated.Contains(before)
                        || v < 0 && _adjectiveIntensifiers.Contains(before)) v += Math.Sign(v) * BoosterStep * (1 - 0.05 * seen);
                }
                // English "no" a word away is a determiner ("no small feat"); Spanish "no" is the verb's negator before its
                // auxiliary or pronoun ("no ha logrado", "no se cumplió").
                if ((cues[k - start] & Cue.Negator) != 0 && !Compares(text, tokens, k, start, end) && !(profile is null && seen > 0 && before.Equals("no", StringComparison.OrdinalIgnoreCase)))
                {
                    negated = true;
                    byNone |= profile?.NoneWords.Contains(before) == true || DeniesExistence(text, tokens, k, start, end);
                }
                seen++;
            }
            // "niemand wurde verletzt", "no hubo víctimas": nobody harmed is the news, not a milder harm.
            deniedHarm |= negated && byNone && v < 0;
            if (negated) v *= byNone && v < 0 ? NoneScalar : NegationScalar;
            valences[i - start] = v;
            if (partitiveAt >= 0 && span == 1 && !IsComplementHead(text, tokens, i))
            {
                if (predicateEnd != i - 1) (predicateStart, predicateNegated) = (i, false);
                predicateEnd = i;
                predicateNegated |= negated;
            }
            i += span - 1;
        }

        DenyPredicate(valences);
        if (profile is not null)
        {
            deniedHarm |= ReadAverters(text, tokens, start, end, valences, averters, cues, named);
            NegateBackwards(text, tokens, start, end, valences, averters, cues);
            ReadChanges(text, tokens, start, end, valences, cues, named);
            SilenceDeclinedComment(text, tokens, start, end, valences, cues);
            WeighDownHardshipLivedThrough(text, tokens, start, end, valences, cues);
            // "Niemand raakte gewond bij de brand", "non ci sono feriti dopo la scossa": harm denied is the news, and the
            // fire or the earthquake only its setting, unless a contrast makes them the point.
            if (deniedHarm && contrastAt < 0)
                for (int i = 0; i < valences.Length; i++)
                    if (valences[i] < 0) valences[i] *= SettingScalar;
        }

        if (contrastAt >= 0)
        {
            // The clause after "but" carries the speaker's point.
            for (int i = start; i < end; i++) valences[i - start] *= i < contrastAt ? 0.5 : 1.5;
        }

        if (concessiveAt >= 0)
        {
            // "Apesar da violência do sismo, não houve vítimas": what is conceded weighs less than the clause it yields to.
            int close = concessiveAt + 1;
            while (close < end && !IsClauseBreak(text, tokens[close])) close++;
            for (int i = start; i < end; i++) valences[i - start] *= i >= concessiveAt && i < close ? 0.5 : 1.5;
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
        return !LikeSubjects.Contains(before) && !IsNegation(before);
    }

    /// <summary>Whether a rated word follows within <paramref name="reach"/> words (punctuation and repeats skipped).</summary>
    private bool NextRatedWithin(string text, List<Token> tokens, int i, int end, int reach, out double valence)
    {
        valence = 0;
        var lookup = _valence.GetAlternateLookup<ReadOnlySpan<char>>();
        var word = text.AsSpan(tokens[i].Start, tokens[i].Length);
        for (int k = i + 1, words = 0; k < end && words < reach; k++)
        {
            if (tokens[k].Kind != TokenKind.Word) continue;
            var next = text.AsSpan(tokens[k].Start, tokens[k].Length);
            if (next.Equals(word, StringComparison.OrdinalIgnoreCase)) continue;
            if ((profile is null ? lookup.TryGetValue(next, out valence) : profile.TryValence(next, out valence)) && !BoostersBeforeRated.Contains(next)) return true;
            words++;
        }
        return false;
    }

    private bool NextWordIsRated(string text, List<Token> tokens, int i, int end) =>
        i + 1 < end && tokens[i + 1].Kind == TokenKind.Word && _valence.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(text.AsSpan(tokens[i + 1].Start, tokens[i + 1].Length));

    private static readonly WordSet LikeSubjects = new(StringComparer.OrdinalIgnoreCase)
        { "i", "we", "you", "they", "he", "she", "would", "really", "do", "did", "does", "to", "also", "just", "definitely", "always", "still" };

    /// <summary>
    /// Whether the word at <paramref name="i"/> is one of the rules' intensity operators rather than a content word:
    /// +1 for a booster ("very", or "pretty"/"truly"/... when a rated word follows, as the rules read them), -1 for a
    /// dampener ("slightly"), 0 otherwise. Fast mode's learned word model scales the next content word by it
    /// (<see cref="WordPolarity.Factors"/>), as these rules scale the next rated word.
    /// </summary>
    internal int IntensityOperator(string text, List<Token> tokens, int i, int end)
    {
        var word = text.AsSpan(tokens[i].Start, tokens[i].Length);
        if (BoosterSpans.TryGetValue(word, out double boost)) return Math.Sign(boost);
        return BoostersBeforeRated.Contains(word) && NextRatedWithin(text, tokens, i, end, 2, out _) ? 1 : 0;
    }

    /// <summary>
    /// "Sie hat ihr Versprechen nicht gehalten", "het plan is niet gelukt": where the verb comes last, a negator with no
    /// rated word after it in its clause negates the rated word before it.
    /// </summary>
    private void NegateBackwards(string text, List<Token> tokens, int start, int end, Span<double> valences, ReadOnlySpan<bool> averters, ReadOnlySpan<Cue> cues)
    {
        for (int k = start; k < end; k++)
        {
            if ((cues[k - start] & Cue.Negator) == 0 || Compares(text, tokens, k, start, end)) continue;
            bool ratedAfter = false;
            for (int j = k + 1, seen = 0; j < end && seen < NegationReach; j++)
            {
                if (IsClauseBreak(text, tokens[j])) break;
                if (tokens[j].Kind != TokenKind.Word) continue;
                if (valences[j - start] != 0 || averters[j - start]) { ratedAfter = true; break; }
                seen++;
            }
            if (ratedAfter) continue;
            for (int j = k - 1, seen = 0; j >= start && seen < NegationReach; j--)
            {
                if (IsClauseBreak(text, tokens[j])) break;
                if (tokens[j].Kind != TokenKind.Word) continue;
                if (valences[j - start] != 0) { valences[j - start] *= NegationScalar; break; }
                seen++;
            }
        }
    }

    /// <summary>
    /// "La empresa evitó la quiebra", "het faillissement is afgewend", "die befürchtete Pleite ist ausgeblieben": the harm
    /// a verb of prevention averts, anywhere in its clause, is good news. A negated prevention ("konnte den Abstieg nicht
    /// verhindern", "no pudo evitar el cierre") leaves the harm as it is, the negator being the prevention's.
    /// </summary>
    /// <returns>Whether a harm was averted.</returns>
    private static bool ReadAverters(string text, List<Token> tokens, int start, int end, Span<double> valences, ReadOnlySpan<bool> averters, ReadOnlySpan<Cue> cues, bool[]? named)
    {
        bool averted = false;
        for (int k = start; k < end; k++)
        {
            if (!averters[k - start] || named?[k] == true) continue;
            int from = k, to = k + 1;
            while (from > start && !IsClauseBreak(text, tokens[from - 1])) from--;
            while (to < end && !IsClauseBreak(text, tokens[to])) to++;
            bool denied = false;
            for (int j = k - 1, seen = 0; j >= from && seen < NegationReach && !denied; j--)
            {
                if (tokens[j].Kind != TokenKind.Word) continue;
                denied = (cues[j - start] & Cue.Negator) != 0;
                seen++;
            }
            if (denied) continue;
            for (int j = from; j < to; j++)
                if (valences[j - start] < 0)
                {
                    valences[j - start] *= NoneScalar;
                    averted = true;
                }
        }
        return averted;
    }

    /// <summary>Whether the word before <paramref name="i"/> is a preposition, connector or article, making the word the head of a complement.</summary>
    private bool IsComplementHead(string text, List<Token> tokens, int i)
    {
        if (i == 0 || tokens[i - 1].Kind != TokenKind.Word) return false;
        var before = text.AsSpan(tokens[i - 1].Start, tokens[i - 1].Length);
        return profile!.Partitives.Contains(before) || profile.NounMarkers.Contains(before)
            || profile.PlacePrepositions.Contains(before) || profile.Connectors.Contains(before);
    }

    /// <summary>"geen van de werknemers", "keiner der Beschäftigten": a word of none as the head of a partitive subject.</summary>
    private bool IsPartitiveNone(string text, List<Token> tokens, int i, int end) =>
        profile is not null && i + 1 < end && tokens[i + 1].Kind == TokenKind.Word
        && profile.NoneWords.Contains(text.AsSpan(tokens[i].Start, tokens[i].Length))
        && profile.Partitives.Contains(text.AsSpan(tokens[i + 1].Start, tokens[i + 1].Length));

    /// <summary>
    /// A negator beside a verb of being denies that the thing exists, as a word of none does: "no hubo víctimas",
    /// "non ci sono feriti", "não houve feridos", "il n'y a pas eu de blessés".
    /// </summary>
    private bool DeniesExistence(string text, List<Token> tokens, int k, int start, int end)
    {
        if (profile is not { Existentials.Count: > 0 } p) return false;
        bool Words(int from, int to) => from >= start && to < end && tokens[from].Kind == TokenKind.Word && tokens[to].Kind == TokenKind.Word
            && p.Existentials.Contains(text.AsSpan(tokens[from].Start, tokens[to].End - tokens[from].Start));
        return Words(k + 1, k + 1) || Words(k + 1, k + 2) || Words(k - 1, k - 1) || Words(k - 2, k - 1);
    }

    /// <summary>
    /// "Die Inflation ist gesunken", "o desemprego caiu": a decline turns what fell from bad news into good and from
    /// good ("der Gewinn sank") into bad; with nothing rated or countable beside it it is bad news. A clause is turned
    /// once however many declines it holds ("s'est effondrée et a chuté" is bad news twice over). Beside a verb of rise
    /// or decline, a quantity with no valence of its own says which news it is: sales that doubled are good, prices that
    /// soared bad, shares that plunged bad.
    /// </summary>
    private void ReadChanges(string text, List<Token> tokens, int start, int end, Span<double> valences, ReadOnlySpan<Cue> cues, bool[]? named)
    {
        if (profile is null) return;
        for (int from = start; from < end;)
        {
            int to = from;
            while (to < end && !IsClauseBreak(text, tokens[to])) to++;
            bool declines = false;
            int firstChange = -1, lastChange = -1;
            for (int j = from; j < to; j++)
            {
                bool decline = (cues[j - start] & Cue.Decrease) != 0;
                if (!decline && (cues[j - start] & Cue.Increase) == 0)
                {
                    if ((cues[j - start] & Cue.Separable) == 0 || profile.SeparableChange(text, tokens, j, to) is not bool separated) continue;
                    decline = separated;
                }
                if (firstChange < 0) firstChange = j;
                lastChange = j;
                declines |= decline;
            }
            if (firstChange < 0) { from = to + 1; continue; }
            // What changes is the clause's subject, before the verb ("las ventas se duplicaron", "die Aktie brach nach der
            // Gewinnwarnung ein"), else what follows the verb closely ("subieron los precios", "la caída de las ventas"),
            // never a noun further on ("despencou após o anúncio de novas tarifas"). What follows also wins when the change
            // is a noun with its complement ("morti nel crollo di un cantiere": the building collapsed, not the deaths), and
            // when only it names a quantity: a rated subject is then the cause ("la siccità ha dimezzato il raccolto").
            // "O Benfica perdeu em casa e caiu para o terceiro lugar": a verb joined by "and" has its own clause, whose subject is
            // not the verb before the "and".
            // "el montañero que cayó por una ladera": after a relative pronoun the subject is the noun before it.
            for (int j = firstChange - 1; j > from; j--)
            {
                if (tokens[j].Kind != TokenKind.Word) continue;
                var word = text.AsSpan(tokens[j].Start, tokens[j].Length);
                if (profile.And.Contains(word)) { from = j + 1; break; }
                if (profile.Relatives.Contains(word)) { from = j - 1; break; }
            }
            int afterEnd = lastChange + 1;
            for (int words = 0; afterEnd < to && words < QuantityReach; afterEnd++)
                if (tokens[afterEnd].Kind == TokenKind.Word && !profile.QuantityFillers.Contains(text.AsSpan(tokens[afterEnd].Start, tokens[afterEnd].Length))) words++;
            bool subject = !IsNounWithComplement(text, tokens, lastChange, to)
                && HasSignal(text, tokens, start, from, firstChange, valences, named)
                && (HasQuantity(text, tokens, from, firstChange, named) || !HasQuantity(text, tokens, lastChange + 1, afterEnd, named));
            var (regionStart, regionEnd) = subject ? (from, firstChange) : (lastChange + 1, afterEnd);
            // Beside a change, a listed quantity is that quantity, whatever else the lexicon rates the word for ("prix": prize).
            for (int j = regionStart; j < regionEnd; j++)
                if (tokens[j].Kind == TokenKind.Word && named?[j] != true && profile.RisingDirection(text.AsSpan(tokens[j].Start, tokens[j].Length)) is int direction and not 0)
                    valences[j - start] = direction * QuantityValence;
            bool rated = false;
            for (int j = regionStart; j < regionEnd; j++) rated |= valences[j - start] != 0;
            if (declines && !rated) valences[firstChange - start] = DeclineValence;
            // "rutscht tief in die roten Zahlen", "cayó en recesión": what follows "in" is where it fell to, bad as it says.
            bool into = !subject && IntoFollows(text, tokens, start, lastChange + 1, afterEnd, valences);
            for (int j = regionStart; declines && !into && j < regionEnd; j++) valences[j - start] = -valences[j - start];
            from = to + 1;
        }
    }

    /// <summary>
    /// "Nach Jahren der Verluste schreibt sie schwarze Zahlen", "dopo anni di perdite": a hardship that lasted a span of
    /// time before the news is its backdrop and weighs less than what the sentence reports now.
    /// </summary>
    private void WeighDownHardshipLivedThrough(string text, List<Token> tokens, int start, int end, Span<double> valences, ReadOnlySpan<Cue> cues)
    {
        if (profile!.AfterWords.Count == 0) return;
        for (int i = start; i < end; i++)
        {
            if ((cues[i - start] & Cue.After) == 0) continue;
            // "nach Jahren", "après des années", "después de dos años", "nach jahrelangen": up to two words before the span.
            int span = i + 1;
            while (span < end && span <= i + 3 && !IsClauseBreak(text, tokens[span]) && !profile.TimeSpans.Contains(text.AsSpan(tokens[span].Start, tokens[span].Length))) span++;
            if (span >= end || span > i + 3 || !profile.TimeSpans.Contains(text.AsSpan(tokens[span].Start, tokens[span].Length))) continue;
            // The hardship is the first rated word after the span, a few words on at most ("der Verluste", "de pertes").
            for (int k = span + 1; k < end && k <= span + 3 && !IsClauseBreak(text, tokens[k]); k++)
            {
                if (valences[k - start] == 0) continue;
                if (valences[k - start] < 0) valences[k - start] *= BackdropScalar;
                break;
            }
        }
    }

    /// <summary>
    /// "Der Minister äußerte sich nicht zu den Berichten über seinen Rücktritt", "no quiso comentar el informe": what
    /// somebody declined to comment on is the topic, not news that happened, so the clause of a declined comment carries
    /// no sentiment.
    /// </summary>
    private void SilenceDeclinedComment(string text, List<Token> tokens, int start, int end, Span<double> valences, ReadOnlySpan<Cue> cues)
    {
        if (profile!.CommentVerbs.Count == 0) return;
        for (int i = start; i < end; i++)
        {
            if ((cues[i - start] & Cue.Comment) == 0) continue;
            // The negator stands before the verb ("no quiso comentar", "wilde niet reageren") or, in a German or Dutch main
            // clause, after it ("äußerte sich nicht").
            int negator = -1;
            for (int k = Math.Max(start, i - NegationReach); k <= Math.Min(end - 1, i + NegationReach) && negator < 0; k++)
                if (k != i && (cues[k - start] & Cue.Negator) != 0) negator = k;
            if (negator < 0) continue;
            // The whole clause: the refusal ("non ha voluto") is no bad news either, and a German object stands before the
            // verb ("wollte die Verluste nicht kommentieren").
            int from = i, to = i;
            while (from > start && !IsClauseBreak(text, tokens[from - 1])) from--;
            while (to < end && !IsClauseBreak(text, tokens[to])) to++;
            valences[(from - start)..(to - start)].Clear();
            return;
        }
    }

    /// <summary>
    /// Whether one of the two words after a change is a preposition of place before a bad word and no quantity: where it
    /// went ("tief in die roten Zahlen", "en recesión"), not what changed ("reducido a la mitad la cosecha").
    /// </summary>
    private bool IntoFollows(string text, List<Token> tokens, int start, int from, int to, Span<double> valences)
    {
        int preposition = -1;
        for (int j = from, words = 0; j < to && words < 2 && preposition < 0; j++)
        {
            if (tokens[j].Kind != TokenKind.Word) continue;
            if (profile!.PlacePrepositions.Contains(text.AsSpan(tokens[j].Start, tokens[j].Length))) preposition = j;
            words++;
        }
        for (int j = preposition + 1; preposition >= 0 && j < to; j++)
        {
            if (tokens[j].Kind == TokenKind.Number || tokens[j].Kind == TokenKind.Word && profile!.RisingDirection(text.AsSpan(tokens[j].Start, tokens[j].Length)) != 0) return false;
            if (valences[j - start] < 0) return true;
        }
        return false;
    }

    /// <summary>Whether tokens [from, to) hold a rated word or a quantity whose rise or fall is news.</summary>
    private bool HasSignal(string text, List<Token> tokens, int start, int from, int to, Span<double> valences, bool[]? named)
    {
        for (int j = from; j < to; j++)
            if (valences[j - start] != 0) return true;
        return HasQuantity(text, tokens, from, to, named);
    }

    /// <summary>Whether tokens [from, to) hold a quantity whose rise or fall is news (sales, prices).</summary>
    private bool HasQuantity(string text, List<Token> tokens, int from, int to, bool[]? named)
    {
        for (int j = from; j < to; j++)
            if (tokens[j].Kind == TokenKind.Word && named?[j] != true && profile!.RisingDirection(text.AsSpan(tokens[j].Start, tokens[j].Length)) != 0) return true;
        return false;
    }

    /// <summary>
    /// A change word after an article and before "of" and a word is a noun with its complement ("nel crollo di un
    /// cantiere", "la caída de las ventas"); one followed by a number is a verb and its amount ("calate del 5 %").
    /// </summary>
    private bool IsNounWithComplement(string text, List<Token> tokens, int change, int to)
    {
        if (change == 0 || change + 2 >= to || tokens[change - 1].Kind != TokenKind.Word || tokens[change + 1].Kind != TokenKind.Word || tokens[change + 2].Kind != TokenKind.Word) return false;
        return profile!.NounMarkers.Contains(text.AsSpan(tokens[change - 1].Start, tokens[change - 1].Length))
            && profile.Connectors.Contains(text.AsSpan(tokens[change + 1].Start, tokens[change + 1].Length))
            && !profile.Numbers.NumberWords.Contains(text.AsSpan(tokens[change + 2].Start, tokens[change + 2].Length));
    }

    /// <summary>A negator that compares ("jamais aussi élevée", "nunca esteve tão forte") rather than negates.</summary>
    private bool Compares(string text, List<Token> tokens, int k, int start, int end)
    {
        if (profile?.Comparatives is not { Count: > 0 } comparatives) return false;
        for (int j = k + 1; j < end && j <= k + 3; j++)
            if (tokens[j].Kind == TokenKind.Word && comparatives.Contains(text.AsSpan(tokens[j].Start, tokens[j].Length))) return true;
        return EverAfterSuperlative(text, tokens, k, start);
    }

    /// <summary>
    /// "el mayor número de turistas jamás registrado", "il livello più alto mai raggiunto": "never" after a superlative in
    /// its own sentence is "ever".
    /// </summary>
    private bool EverAfterSuperlative(string text, List<Token> tokens, int k, int start)
    {
        if (!profile!.EverWords.Contains(text.AsSpan(tokens[k].Start, tokens[k].Length))) return false;
        for (int j = k - 1, words = 0; j >= start && words < 5 && !IsClauseBreak(text, tokens[j]); j--)
        {
            if (tokens[j].Kind != TokenKind.Word) continue;
            if (profile.Superlatives.Contains(text.AsSpan(tokens[j].Start, tokens[j].Length))) return true;
            words++;
        }
        return false;
    }

    private static bool IsClauseBreak(string text, Token t) => t.Kind != TokenKind.Word && text[t.Start] is ',' or ';' or ':' or '(' or '"' or '„' or '“';

    private bool Negates(ReadOnlySpan<char> word) => profile is null ? IsNegation(word) : _negators.Contains(word);

    internal static bool IsNegation(ReadOnlySpan<char> word) =>
        Negators.Contains(word)
        || word.EndsWith("n't", StringComparison.OrdinalIgnoreCase) || word.EndsWith("n\u2019t", StringComparison.OrdinalIgnoreCase);

    private static bool HasLowerCaseWord(string text, List<Token> tokens, int start, int end)
    {
        for (int i = start; i < end; i++)
            if (tokens[i].Kind == TokenKind.Word && !tokens[i].AllCaps && char.IsLower(text[tokens[i].Start])) return true;
        return false;
    }
}
