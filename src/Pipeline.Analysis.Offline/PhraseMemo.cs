using Pipeline.Analysis.Text;
namespace Pipeline.Analysis.Offline;

/// <summary>
/// The phrase tries' answers for one document. The noun pass, the chunker, the classifying rules and the second pass
/// ask the gazetteers about the same capitalised words again and again (a thousand times per German article), each time
/// hashing into lists of tens of thousands of words. For each trie and start token the memo keeps the longest phrase
/// with no end limit; a query with a limit is answered from it when that phrase fits within the limit (or there is
/// none), and walked anew otherwise, so every answer is the trie's own.
/// A memo serves one text and one token list (and a list with the same words and line breaks, as the noun pass makes),
/// on the thread that began it, until it is disposed: nothing outlives the document or crosses threads.
/// </summary>
internal sealed class PhraseMemo : IDisposable
{
    /// <summary>Past this many tokens a document's memo is made for it alone rather than kept for the thread's next one.</summary>
    private const int MaxKeptTokens = 20_000;

    [ThreadStatic] private static PhraseMemo? t_active;
    [ThreadStatic] private static PhraseMemo? t_spare;

    private sealed class Slot(int size)
    {
        /// <summary>The generation in which a start's answer was found; any other means not yet asked.</summary>
        public int[] Known = new int[size];
        public int[] Length = new int[size];
        public PhraseEntry?[] Entry = new PhraseEntry?[size];
    }

    private string? _text;
    private List<Token>? _tokens, _alias;
    private PhraseMemo? _outer;
    private int _generation, _largest;
    private Slot?[] _slots = [];

    /// <summary>Begins the memo of <paramref name="tokens"/> of <paramref name="text"/> on this thread, until disposed.</summary>
    public static PhraseMemo Begin(string text, List<Token> tokens)
    {
        // A memo begun inside another (never, as the analyzer runs) gets one of its own, so the outer one stays valid.
        PhraseMemo memo;
        if (t_active is null && tokens.Count <= MaxKeptTokens && t_spare is { } spare)
        {
            memo = spare;
            t_spare = null;
        }
        else memo = new PhraseMemo();
        memo._outer = t_active;
        memo.Bind(text, tokens);
        t_active = memo;
        return memo;
    }

    /// <summary>
    /// Serves <paramref name="tokens"/> too: with the same words and line breaks (the noun pass only lowers capitals) the
    /// answers found so far hold for them; otherwise the memo starts again for them alone.
    /// </summary>
    public void Include(List<Token> tokens)
    {
        if (ReferenceEquals(tokens, _tokens) || ReferenceEquals(tokens, _alias)) return;
        if (_tokens is { } bound && SameWords(bound, tokens)) _alias = tokens;
        else Bind(_text!, tokens);
    }

    public void Dispose()
    {
        if (!ReferenceEquals(t_active, this)) return;
        t_active = _outer;
        _outer = null;
        _text = null;
        _tokens = _alias = null;
        if (t_active is null && _largest <= MaxKeptTokens) t_spare = this;
    }

    /// <summary>The memo that serves these tokens of this text on this thread, if one does.</summary>
    public static PhraseMemo? For(string text, List<Token> tokens) =>
        t_active is { } memo && ReferenceEquals(text, memo._text) && (ReferenceEquals(tokens, memo._tokens) || ReferenceEquals(tokens, memo._alias)) ? memo : null;

    /// <summary>What <see cref="PhraseTrie.TryMatch"/> answers, from the memo where it can.</summary>
    public bool TryMatch(PhraseTrie trie, string text, List<Token> tokens, int start, int limit, out int tokenCount, out PhraseEntry entry)
    {
        if (start >= limit || start < 0 || limit > tokens.Count) return trie.Walk(text, tokens, start, limit, out tokenCount, out entry);
        var slot = SlotFor(trie);
        if (slot.Known[start] != _generation)
        {
            trie.Walk(text, tokens, start, tokens.Count, out int length, out var longest);
            slot.Length[start] = length;
            slot.Entry[start] = length > 0 ? longest : null;
            slot.Known[start] = _generation;
        }
        int found = slot.Length[start];
        if (start + found > limit) return trie.Walk(text, tokens, start, limit, out tokenCount, out entry);
        tokenCount = found;
        entry = slot.Entry[start]!;
        return found > 0;
    }

    private void Bind(string text, List<Token> tokens)
    {
        _text = text;
        _tokens = tokens;
        _alias = null;
        _largest = Math.Max(_largest, tokens.Count);
        if (++_generation == int.MaxValue)
        {
            _slots = [];
            _generation = 1;
        }
    }

    private Slot SlotFor(PhraseTrie trie)
    {
        if (trie.Id >= _slots.Length) Array.Resize(ref _slots, Math.Max(trie.Id + 1, 2 * _slots.Length));
        var slot = _slots[trie.Id];
        if (slot is null || slot.Known.Length < _tokens!.Count) _slots[trie.Id] = slot = new Slot(Math.Max(_tokens!.Count, 256));
        return slot;
    }

    private static bool SameWords(List<Token> a, List<Token> b)
    {
        if (a.Count != b.Count) return false;
        for (int i = 0; i < a.Count; i++)
            if (a[i].Start != b[i].Start || a[i].Length != b[i].Length || a[i].LineBreakBefore != b[i].LineBreakBefore) return false;
        return true;
    }
}
