namespace Pipeline.Analysis.Offline;

/// <summary>
/// A set of words that answers for a span of the text without cutting a string out of it. The span view is made once:
/// asking the set for it on every lookup type-checks the comparer each time, on the analyzer's hottest path.
/// </summary>
internal sealed class WordSet : HashSet<string>
{
    private readonly AlternateLookup<ReadOnlySpan<char>> _spans;

    public WordSet() : this(null) { }

    public WordSet(IEqualityComparer<string>? comparer) : base(comparer) => _spans = GetAlternateLookup<ReadOnlySpan<char>>();

    public WordSet(IEnumerable<string> words, IEqualityComparer<string>? comparer = null) : base(words, comparer) => _spans = GetAlternateLookup<ReadOnlySpan<char>>();

    public bool Contains(ReadOnlySpan<char> word) => _spans.Contains(word);
}
