using System.Collections.Concurrent;

namespace Pipeline.Analysis.Offline;

/// <summary>
/// Answers about single words, remembered for a language: news repeats its words, and an answer can cost dozens of
/// lookups (inflection endings, verb endings, compound tails). Bounded in entries and in word length, so a stream of
/// unique or endless tokens cannot grow it without end; past the bound answers are worked out again, not stored.
/// </summary>
internal sealed class WordMemo<T>
{
    private const int MaxWords = 200_000, MaxLength = 32;
    private readonly ConcurrentDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _answers;
    private int _count;

    public WordMemo(StringComparer comparer) => _answers = new ConcurrentDictionary<string, T>(comparer).GetAlternateLookup<ReadOnlySpan<char>>();

    public bool TryGet(ReadOnlySpan<char> word, out T answer) => _answers.TryGetValue(word, out answer!);

    public void Remember(ReadOnlySpan<char> word, T answer)
    {
        if (word.Length <= MaxLength && Volatile.Read(ref _count) < MaxWords && _answers.TryAdd(word, answer)) Interlocked.Increment(ref _count);
    }
}
