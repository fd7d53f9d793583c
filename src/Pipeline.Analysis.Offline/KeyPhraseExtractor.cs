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
        var ids = new Dictionary<string, int>(Math.Min(tokens.Count, PresizedWords), StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        var wordOf = new int[tokens.Count];
        var frequency = new int[tokens.Count];
        var degree = new int[tokens.Count];
        foreach (var (s, e) in phrases)
        {
            for (int i = s; i < e; i++)
            {
                ref int id = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, text.AsSpan(tokens[i].Start, tokens[i].Length), out bool known);
                if (!known) id = ids.Dictionary.Count - 1;
                wordOf[i] = id;
                frequency[id]++;
                degree[id] += e - s;
            }
        }

        var seen = new HashSet<string>(Math.Min(phrases.Count, PresizedWords), StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        var scored = new List<ScoredPhrase>(phrases.Count);
        foreach (var (s, e) in phrases)
        {
            var phrase = text.AsSpan(tokens[s].Start, tokens[e - 1].End - tokens[s].Start);
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
            scored.Add(new ScoredPhrase(phrase.ToString(), score, s, e));
        }
        scored.Sort(static (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Text, b.Text));

        var result = new List<string>();
        var kept = new List<ScoredPhrase>();
        foreach (var candidate in scored)
        {
            if (kept.Exists(k => Within(candidate, k))) continue;
            kept.Add(candidate);
            result.Add(candidate.Text);
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

    private readonly record struct ScoredPhrase(string Text, double Score, int Start, int End);
}
