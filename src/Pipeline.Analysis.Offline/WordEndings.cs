namespace Pipeline.Analysis.Offline;

/// <summary>
/// Lower-case word endings ("-gesellschaft", "-leiterin"), grouped by their last letter, so that a word is compared only
/// with the endings that could be its own rather than with every one of the list.
/// </summary>
internal sealed class WordEndings
{
    private readonly Dictionary<char, string[]> _byLastLetter;

    public WordEndings(IEnumerable<string> endings) =>
        _byLastLetter = endings.Where(e => e.Length > 0).GroupBy(e => char.ToLowerInvariant(e[^1])).ToDictionary(g => g.Key, g => g.ToArray());

    public bool IsEmpty => _byLastLetter.Count == 0;

    /// <summary>The endings <paramref name="word"/> could end in, in the list's order.</summary>
    private ReadOnlySpan<string> Candidates(ReadOnlySpan<char> word) =>
        word.IsEmpty || !_byLastLetter.TryGetValue(char.ToLowerInvariant(word[^1]), out var endings) ? [] : endings;

    /// <summary>The first of the list's endings that the word ends in after at least three letters of its own ("Bezirks|leiterin"); null for none.</summary>
    public string? EndingOf(ReadOnlySpan<char> word, StringComparison comparison)
    {
        foreach (var ending in Candidates(word))
            if (word.Length > ending.Length + 2 && word.EndsWith(ending, comparison)) return ending;
        return null;
    }

    public bool EndsAfterStem(ReadOnlySpan<char> word, StringComparison comparison) => EndingOf(word, comparison) is not null;

    /// <summary>Whether the word is one of the endings standing alone, in any case ("Institut", "Bund").</summary>
    public bool IsOne(ReadOnlySpan<char> word)
    {
        foreach (var ending in Candidates(word))
            if (word.Equals(ending, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
