using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Pipeline.Summary;
using Pipeline.Testing;

namespace Pipeline.Benchmarks;

/// <summary>
/// The summary fold's own work per article, without storage round trips: add the batch's contributions, trim, write
/// the state's JSON, render the summary document and write its JSON; and, when another instance wrote the state last,
/// read it back from its JSON first. The state starts
/// from 5,000 generated articles over 48 hours and keeps folding fresh ones, so it stays at its bounded size.
/// Mean per operation is per article (<see cref="BenchmarkAttribute.OperationsPerInvoke"/> = the batch).
/// </summary>
[MemoryDiagnoser]
public class FoldBenchmarks
{
    private const int Batch = 30;
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 30, 0, TimeSpan.Zero);

    private readonly SummaryAggregator _aggregator = new(new SummaryOptions());
    private IEnumerator<ArticleContribution> _articles = null!;
    private SummaryState _state = null!;

    /// <summary>The last fold's state JSON, in a buffer kept between writes as <see cref="SummaryStore"/> keeps it.</summary>
    private readonly ArrayBufferWriter<byte> _stateJson = new();

    /// <summary>Entities the generated articles draw from: 40 is like <c>pipeline bench</c>'s generator, 3,000 a long-tail newsroom.</summary>
    [Params(40, 3000)]
    public int Vocabulary { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _articles = GeneratedContributions.Generate(int.MaxValue, Now, Vocabulary).GetEnumerator();
        _state = new SummaryState();
        for (int i = 0; i < 5_000; i++) Add(_state);
        _aggregator.Trim(_state, Now);
        SummaryStore.WriteState(_state, _stateJson);
    }

    /// <summary>
    /// One fold of <see cref="Batch"/> articles (about what a fold carries under a burst in <c>pipeline bench</c>) by the
    /// folder that wrote the state last, which keeps it in memory: add, trim, write the state's JSON, render and write the summary.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int Fold() => FoldInto(_state);

    /// <summary>The same fold after another instance wrote the state, so it is read back from its JSON first.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int FoldAfterRead() => FoldInto(JsonSerializer.Deserialize(_stateJson.WrittenSpan, SummaryJson.Default.SummaryState)!);

    private int FoldInto(SummaryState state)
    {
        for (int i = 0; i < Batch; i++) Add(state);
        _aggregator.Trim(state, Now);
        state.Version++;
        _state = state;
        _stateJson.ResetWrittenCount();
        SummaryStore.WriteState(state, _stateJson);
        return _stateJson.WrittenCount + JsonSerializer.SerializeToUtf8Bytes(_aggregator.Render(state, Now), PipelineJson.Default.SummaryDocument).Length;
    }

    private void Add(SummaryState state)
    {
        _articles.MoveNext();
        _aggregator.Add(state, _articles.Current);
    }
}
