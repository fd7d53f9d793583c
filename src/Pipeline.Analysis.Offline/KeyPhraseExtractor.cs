using System.Runtime.InteropServices;
using Pipeline.Analysis.Text;
namespace Pipeline.Analysis.Offline;

/// <summary>
/// RAKE (Rose et al., 2010): candidate phrases are the runs of content words between stop words and punctuation;
/// a word scores its degree over its frequency, a phrase the sum of its words. Phrases that name an entity get a
/// bonus, and a phrase whose words all appear in a better one is dropped as a duplicate.
/// </summary>
internal static class KeyPhraseExtractor
{
    public const int MaxPhrases = 20;
    private const int MaxPhraseWords = 4;

    /// <summary>Room made up front for a news article's words; a longer text grows the tables as it needs, rather than sizing them by its length.</summary>
    private const int PresizedWords = 2048;

    /// <param name="named">Which tokens lie inside a name (a phrase that is one scores higher).</param>
    public static List<string> Extract(string text, List<Token> tokens, WordSet stopWords, bool[] named)
    {
        var phrases = new List<(int Start, int End)>();
        int runStart = -1;
        for (int i = 0; i <= tokens.Count; i++)
        {
            bool contentWord = i < tokens.Count && tokens[i].Kind == TokenKind.Word && tokens[i].Length > 1
                && !stopWords.Contains(text.AsSpan(tokens[i].Start, tokens[i].Length));
            if (contentWord && (runStart < 0 || !tokens[i].LineBreakBefore))
            {
                if (runStart < 0) runStart = i;
                continue;
            }
            if (runStart >= 0 && i - runStart <= MaxPhraseWords) phrases.Add((runStart, i));
            // A content word after a line break opens the next run.
            runStart = contentWord ? i : -1;
        }

        // Each word's frequency and degree (the length of the phrases it stands in, summed), under one number per word
        // whatever its case, which each token of a phrase keeps so that the word is hashed once.
        // The tables are the thread's, kept from one text to the next and keyed by where a word stands in the text, so
        // no string is cut for a word or a phrase.
        var scratch = Scratch.For(text);
        var ids = scratch.Ids;
        var wordOf = new int[tokens.Count];
        var frequency = new int[tokens.Count];
        var degree = new int[tokens.Count];
        foreach (var (s, e) in phrases)
        {
            for (int i = s; i < e; i++)
            {
                ref int id = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, (tokens[i].Start, tokens[i].Length), out bool known);
                if (!known) id = ids.Count - 1;
                wordOf[i] = id;
                frequency[id]++;
                degree[id] += e - s;
            }
        }

        var seen = scratch.Seen;
        var scored = new List<ScoredPhrase>(phrases.Count);
        foreach (var (s, e) in phrases)
        {
            var phrase = (Start: tokens[s].Start, Length: tokens[e - 1].End - tokens[s].Start);
            if (!seen.Add(phrase)) continue;
            double score = 0;
            bool entity = true;
            for (int i = s; i < e; i++)
            {
                score += (double)degree[wordOf[i]] / frequency[wordOf[i]];
                entity &= named[i];
            }
            if (entity) score *= 1.5;
            // A single word said once is rarely key; repeated words and names are.
            if (e - s == 1 && frequency[wordOf[s]] == 1 && !entity) score *= 0.5;
            scored.Add(new ScoredPhrase(phrase.Start, phrase.Length, score, s, e));
        }
        scratch.Release();
        // Ties in the order of the phrases' text, as string.CompareOrdinal orders it.
        scored.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : text.AsSpan(a.Offset, a.Length).SequenceCompareTo(text.AsSpan(b.Offset, b.Length)));

        var result = new List<string>();
        var kept = new List<ScoredPhrase>();
        foreach (var candidate in scored)
        {
            if (kept.Exists(k => Within(candidate, k))) continue;
            kept.Add(candidate);
            result.Add(text.Substring(candidate.Offset, candidate.Length));
            if (result.Count == MaxPhrases) break;
        }
        return result;

        // Whether every word of one phrase is also a word of the other (a duplicate of a better phrase).
        bool Within(ScoredPhrase candidate, ScoredPhrase better)
        {
            for (int i = candidate.Start; i < candidate.End; i++)
            {
                bool found = false;
                for (int k = better.Start; k < better.End && !found; k++) found = wordOf[i] == wordOf[k];
                if (!found) return false;
            }
            return true;
        }
    }

    private readonly record struct ScoredPhrase(int Offset, int Length, double Score, int Start, int End);

    /// <summary>
    /// A thread's tables of words and phrases, keyed by their place in the text being read and compared by their text
    /// whatever its case (as a table of strings under <see cref="StringComparer.OrdinalIgnoreCase"/> would). Emptied
    /// after each text; a very long text's tables are not kept.
    /// </summary>
    private sealed class Scratch : IEqualityComparer<(int Start, int Length)>
    {
        private const int MaxKept = 4 * PresizedWords;

        [ThreadStatic] private static Scratch? t_scratch;

        private string _text = "";

        private Scratch()
        {
            Ids = new(PresizedWords, this);
            Seen = new(PresizedWords, this);
        }

        /// <summary>Each word's number, in the order first met.</summary>
        public Dictionary<(int Start, int Length), int> Ids { get; }

        /// <summary>The phrases already scored.</summary>
        public HashSet<(int Start, int Length)> Seen { get; }

        public static Scratch For(string text)
        {
            var scratch = t_scratch ?? new Scratch();
            t_scratch = null;
            scratch._text = text;
            return scratch;
        }

        public void Release()
        {
            bool keep = Ids.Count <= MaxKept && Seen.Count <= MaxKept;
            Ids.Clear();
            Seen.Clear();
            _text = "";
            if (keep) t_scratch = this;
        }

        public bool Equals((int Start, int Length) a, (int Start, int Length) b) =>
            _text.AsSpan(a.Start, a.Length).Equals(_text.AsSpan(b.Start, b.Length), StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((int Start, int Length) word) => string.GetHashCode(_text.AsSpan(word.Start, word.Length), StringComparison.OrdinalIgnoreCase);
    }
}
