namespace Pipeline.Analysis.Offline;

/// <summary>
/// A set of words that answers for a span of the text without cutting a string out of it. The span view is made once:
/// asking the set for it on every lookup type-checks the comparer each time, on the analyzer's hottest path.
/// Most words asked about are in none of the small sets (determiners, titles, links), so a <see cref="WordFilter"/>
/// turns most strangers away before hashing them.
/// </summary>
internal sealed class WordSet : HashSet<string>
{
    private readonly AlternateLookup<ReadOnlySpan<char>> _spans;
    private WordFilter _filter;

    public WordSet() : this(null) { }

    public WordSet(IEqualityComparer<string>? comparer) : base(comparer)
    {
        _spans = GetAlternateLookup<ReadOnlySpan<char>>();
        _filter = new WordFilter(Comparer);
    }

    public WordSet(IEnumerable<string> words, IEqualityComparer<string>? comparer = null) : this(comparer) => UnionWith(words);

    public new bool Add(string word)
    {
        _filter.Admit(word);
        return base.Add(word);
    }

    public new void UnionWith(IEnumerable<string> words)
    {
        foreach (var word in words) Add(word);
    }

    public bool Contains(ReadOnlySpan<char> word) => _filter.MayHold(word) && _spans.Contains(word);
}
