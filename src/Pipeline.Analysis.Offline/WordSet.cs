namespace Pipeline.Analysis.Offline;

/// <summary>
/// A set of words that answers for a span of the text without cutting a string out of it. The span view is made once:
/// asking the set for it on every lookup type-checks the comparer each time, on the analyzer's hottest path.
/// Most words asked about are in none of the small sets (determiners, titles, links), so the set also keeps which
/// lengths and which first and last letters its words have, and turns most strangers away before hashing them.
/// </summary>
internal sealed class WordSet : HashSet<string>
{
    private readonly AlternateLookup<ReadOnlySpan<char>> _spans;
    private readonly bool _ordinal, _ignoreCase;
    private ulong _lengths, _firstLetters, _lastLetters;

    public WordSet() : this(null) { }

    public WordSet(IEqualityComparer<string>? comparer) : base(comparer)
    {
        _spans = GetAlternateLookup<ReadOnlySpan<char>>();
        _ignoreCase = ReferenceEquals(Comparer, StringComparer.OrdinalIgnoreCase);
        _ordinal = _ignoreCase || ReferenceEquals(Comparer, StringComparer.Ordinal) || ReferenceEquals(Comparer, EqualityComparer<string>.Default);
        if (!_ordinal) _lengths = _firstLetters = _lastLetters = ulong.MaxValue;
    }

    public WordSet(IEnumerable<string> words, IEqualityComparer<string>? comparer = null) : this(comparer) => UnionWith(words);

    public new bool Add(string word)
    {
        Admit(word);
        return base.Add(word);
    }

    public new void UnionWith(IEnumerable<string> words)
    {
        foreach (var word in words) Add(word);
    }

    public bool Contains(ReadOnlySpan<char> word)
    {
        if ((_lengths & LengthBit(word.Length)) == 0) return false;
        if (word.Length > 0 && (word[0] < 128 && (_firstLetters & LetterBit(word[0])) == 0 || word[^1] < 128 && (_lastLetters & LetterBit(word[^1])) == 0)) return false;
        return _spans.Contains(word);
    }

    private void Admit(string word)
    {
        if (!_ordinal) return;
        _lengths |= LengthBit(word.Length);
        if (word.Length == 0) return;
        _firstLetters |= LetterBits(word[0]);
        _lastLetters |= LetterBits(word[^1]);
    }

    private ulong LetterBits(char c) =>
        c < 128 ? LetterBit(c)
        // Under ignore-case a few letters beyond ASCII ("ſ", "ı") match an ASCII one.
        : _ignoreCase ? LetterBit(char.ToUpperInvariant(c)) | LetterBit(char.ToLowerInvariant(c)) : 0;

    private static ulong LengthBit(int length) => 1UL << Math.Min(length, 63);

    /// <summary>An ASCII letter's bucket is the same in either case (bit 5 is what tells 'a' from 'A').</summary>
    private ulong LetterBit(char c) => 1UL << ((_ignoreCase ? c & ~0x20 : c) & 63);
}
