using Pipeline.Analysis.Text;
namespace Pipeline.Analysis.Offline;

/// <summary>What a gazetteer phrase stands for. <see cref="Weight"/> is the prior confidence of the entry.</summary>
internal sealed record PhraseEntry(string Category, string? Subcategory, double Weight, string Source = "");

/// <summary>
/// Phrases keyed token by token, so matching walks the document's own tokens and never builds strings:
/// each step is one span lookup in a dictionary. Longest match wins. Most words asked about open no phrase of the
/// smaller tries (titles, person types), so a <see cref="WordFilter"/> over the first words turns them away before hashing.
/// </summary>
internal sealed class PhraseTrie
{
    private sealed class Node
    {
        public Node(StringComparer comparer)
        {
            Children = new(comparer);
            // Made once: asking the dictionary for its span view on every step type-checks the comparer each time.
            Spans = Children.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public Dictionary<string, Node> Children { get; }
        public Dictionary<string, Node>.AlternateLookup<ReadOnlySpan<char>> Spans { get; }
        public PhraseEntry? Entry { get; set; }
    }

    private static int s_tries;

    private readonly StringComparer _comparer;
    private readonly Node _root;
    private WordFilter _firstWords;
    /// <summary>For a large ordinal trie, a Bloom filter over its first words, made when first asked (again if it has grown since).</summary>
    private WordBloom? _firstWordBloom;

    public PhraseTrie(bool ignoreCase)
    {
        Id = Interlocked.Increment(ref s_tries) - 1;
        _comparer = ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        _root = new Node(_comparer);
        _firstWords = new WordFilter(_comparer);
    }

    /// <summary>This trie's number among all made, by which a <see cref="PhraseMemo"/> keeps its answers.</summary>
    public int Id { get; }

    /// <summary>Adds a phrase; an existing entry is only replaced by one with a higher weight.</summary>
    public void Add(string phrase, PhraseEntry entry)
    {
        var tokens = Tokenizer.Tokenize(phrase);
        if (tokens.Count == 0) return;
        var keys = tokens.ConvertAll(t => phrase.Substring(t.Start, t.Length));
        Add(keys, entry);
        // "Fratelli d'Italia", "Côte d'Ivoire": French and Italian text reaches the trie with its elisions split off
        // ("d'" + "Italia"), so a phrase holding one is also listed so split.
        var split = keys.SelectMany(SplitElision).ToList();
        if (split.Count > keys.Count) Add(split, entry);
    }

    private static IEnumerable<string> SplitElision(string key)
    {
        int apostrophe = key.IndexOfAny(['\'', '\u2019']);
        if (apostrophe is < 1 or > 4 || apostrophe == key.Length - 1 || !char.IsLetter(key[apostrophe + 1])) return [key];
        return [key[..(apostrophe + 1)], key[(apostrophe + 1)..]];
    }

    private void Add(List<string> keys, PhraseEntry entry)
    {
        _firstWords.Admit(keys[0]);
        var node = _root;
        foreach (var key in keys)
        {
            if (!node.Children.TryGetValue(key, out var child))
                node.Children[key] = child = new Node(_comparer);
            node = child;
        }
        if (node.Entry is null || node.Entry.Weight < entry.Weight) node.Entry = entry;
    }

    /// <summary>Whether some phrase, of one word or more, starts with <paramref name="word"/>.</summary>
    public bool Opens(ReadOnlySpan<char> word) => MayOpen(word) && _root.Spans.ContainsKey(word);

    /// <summary>Whether a phrase may start with <paramref name="word"/>: false means none does.</summary>
    private bool MayOpen(ReadOnlySpan<char> word)
    {
        if (!_firstWords.MayHold(word)) return false;
        int count = _root.Children.Count;
        if (count < WordBloom.MinWords || _comparer != StringComparer.Ordinal) return true;
        var bloom = _firstWordBloom;
        if (bloom is null || bloom.Count != count) _firstWordBloom = bloom = new WordBloom(_root.Children.Keys);
        return bloom.MayHold(word);
    }

    /// <summary>The one-word phrase <paramref name="word"/>, if there is one.</summary>
    public bool TryMatchWord(ReadOnlySpan<char> word, out PhraseEntry entry)
    {
        entry = null!;
        if (!MayOpen(word) || !_root.Spans.TryGetValue(word, out var node) || node.Entry is null) return false;
        entry = node.Entry;
        return true;
    }

    /// <summary>The two-word phrase <paramref name="first"/> <paramref name="second"/>, if there is one.</summary>
    public bool TryMatchPair(ReadOnlySpan<char> first, ReadOnlySpan<char> second, out PhraseEntry entry)
    {
        entry = null!;
        if (!MayOpen(first) || !_root.Spans.TryGetValue(first, out var node) || !node.Spans.TryGetValue(second, out node) || node.Entry is null) return false;
        entry = node.Entry;
        return true;
    }

    /// <summary>
    /// The longest phrase starting at token <paramref name="start"/> and ending before <paramref name="limit"/>; from the
    /// document's <see cref="PhraseMemo"/> where one serves these tokens.
    /// </summary>
    public bool TryMatch(string text, List<Token> tokens, int start, int limit, out int tokenCount, out PhraseEntry entry) =>
        PhraseMemo.For(text, tokens) is { } memo
            ? memo.TryMatch(this, text, tokens, start, limit, out tokenCount, out entry)
            : Walk(text, tokens, start, limit, out tokenCount, out entry);

    /// <summary>The longest phrase starting at token <paramref name="start"/> and ending before <paramref name="limit"/>, walked token by token.</summary>
    internal bool Walk(string text, List<Token> tokens, int start, int limit, out int tokenCount, out PhraseEntry entry)
    {
        tokenCount = 0;
        entry = null!;
        if (start >= limit || !MayOpen(text.AsSpan(tokens[start].Start, tokens[start].Length))) return false;
        var node = _root;
        for (int i = start; i < limit; i++)
        {
            var t = tokens[i];
            // A phrase never runs across a line break.
            if (i > start && t.LineBreakBefore) break;
            if (!node.Spans.TryGetValue(text.AsSpan(t.Start, t.Length), out var next)) break;
            node = next;
            if (node.Entry is not null)
            {
                tokenCount = i - start + 1;
                entry = node.Entry;
            }
        }
        return tokenCount > 0;
    }
}
