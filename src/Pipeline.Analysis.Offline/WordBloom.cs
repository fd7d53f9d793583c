namespace Pipeline.Analysis.Offline;

/// <summary>
/// A Bloom filter over the words of a large ordinal table (the gazetteers' first words): most capitalised words asked
/// about are in no gazetteer, and a lookup in a table of tens of thousands of words mostly misses the processor's caches,
/// while this filter (two bits of one 64-bit word per word) stays in them and turns most
/// strangers away after one probe. Never turns away a word it was made from; ordinal only (a word is its characters).
/// Immutable: a table that grows gets a new filter.
/// </summary>
internal sealed class WordBloom
{
    /// <summary>Smaller tables stay in the caches anyway.</summary>
    public const int MinWords = 4096;

    private readonly ulong[] _bits;
    private readonly ulong _mask;

    public WordBloom(IReadOnlyCollection<string> words)
    {
        Count = words.Count;
        // A power of two of 64-bit words, one for every eight words or more (8 to 16 bits per word).
        int size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(Count / 8, 1));
        _bits = new ulong[size];
        _mask = (ulong)size - 1;
        foreach (var word in words)
        {
            ulong hash = Hash(word);
            _bits[(int)(hash & _mask)] |= Bits(hash);
        }
    }

    /// <summary>How many words it was made from.</summary>
    public int Count { get; }

    public bool MayHold(ReadOnlySpan<char> word)
    {
        ulong hash = Hash(word), bits = Bits(hash);
        return (_bits[(int)(hash & _mask)] & bits) == bits;
    }

    private static ulong Bits(ulong hash) => (1UL << (int)(hash >> 52)) | (1UL << (int)(hash >> 58));

    private static ulong Hash(ReadOnlySpan<char> word)
    {
        ulong hash = 14695981039346656037;
        foreach (char c in word) hash = (hash ^ c) * 1099511628211;
        hash ^= hash >> 31;
        hash *= 0x9E3779B97F4A7C15;
        return hash ^ (hash >> 29);
    }
}
