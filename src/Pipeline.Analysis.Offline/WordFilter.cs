namespace Pipeline.Analysis.Offline;

/// <summary>
/// Which lengths and which first and last letters the words of an ordinal table have: a word none of them fits is
/// turned away before it is hashed, as most words asked about the small tables (determiners, titles, links) are.
/// Never turns away a word the table holds; a table under another comparer lets every word through.
/// </summary>
internal struct WordFilter
{
    private readonly bool _ignoreCase;
    private ulong _lengths, _firstLetters, _lastLetters;

    public WordFilter(IEqualityComparer<string>? comparer)
    {
        _ignoreCase = ReferenceEquals(comparer, StringComparer.OrdinalIgnoreCase);
        bool ordinal = _ignoreCase || comparer is null || ReferenceEquals(comparer, StringComparer.Ordinal) || ReferenceEquals(comparer, EqualityComparer<string>.Default);
        if (!ordinal) _lengths = _firstLetters = _lastLetters = ulong.MaxValue;
    }

    public void Admit(string word)
    {
        _lengths |= LengthBit(word.Length);
        if (word.Length == 0) return;
        _firstLetters |= LetterBits(word[0]);
        _lastLetters |= LetterBits(word[^1]);
    }

    public readonly bool MayHold(ReadOnlySpan<char> word) =>
        (_lengths & LengthBit(word.Length)) != 0
        && (word.Length == 0 || (word[0] >= 128 || (_firstLetters & LetterBit(word[0])) != 0) && (word[^1] >= 128 || (_lastLetters & LetterBit(word[^1])) != 0));

    private readonly ulong LetterBits(char c) =>
        c < 128 ? LetterBit(c)
        // Under ignore-case a few letters beyond ASCII ("ſ", "ı") match an ASCII one.
        : _ignoreCase ? LetterBit(char.ToUpperInvariant(c)) | LetterBit(char.ToLowerInvariant(c)) : 0;

    private static ulong LengthBit(int length) => 1UL << Math.Min(length, 63);

    /// <summary>An ASCII letter's bucket is the same in either case (bit 5 is what tells 'a' from 'A').</summary>
    private readonly ulong LetterBit(char c) => 1UL << ((_ignoreCase ? c & ~0x20 : c) & 63);
}
