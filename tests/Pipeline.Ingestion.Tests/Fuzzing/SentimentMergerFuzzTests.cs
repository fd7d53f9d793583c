using CsCheck;
using Xunit.Abstractions;
using Pipeline.Analysis;

namespace Pipeline.Ingestion.Tests.Fuzzing;

/// <summary>SentimentMerger: whatever the sentence scores and lengths, the document's scores are probabilities that sum to 1.</summary>
[Collection(Fuzz.Collection)]
public class SentimentMergerFuzzTests(ITestOutputHelper output)
{
    private static readonly Gen<double> Weight = Gen.Frequency((4, Gen.Double[0, 1]), (1, Gen.OneOf(0.0, 1.0, 0.005, 0.015, 0.495, 0.505, 1e-300)), (1, Gen.Double[0, 1e6]));

    private static readonly Gen<SentenceSentiment> Sentence = Gen.Select(Weight, Weight, Weight, Gen.Enum<SentimentLabel>(), Gen.Int[0, 5000],
        (p, u, n, label, length) => new SentenceSentiment("s", 0, length, label, SentimentMerger.Normalise(p, u, n)));

    [Fact]
    public void Normalise_gives_scores_in_0_1_that_sum_to_1() =>
        Fuzz.Check(Gen.Select(Weight, Weight, Weight), input =>
            AnalyzerFuzzTests.AssertScores(SentimentMerger.Normalise(input.Item1, input.Item2, input.Item3)), 5000, output);

    [Fact]
    public void Merge_gives_scores_in_0_1_that_sum_to_1() =>
        Fuzz.Check(Sentence.Array[0, 30], sentences =>
        {
            var merged = SentimentMerger.Merge(sentences);
            AnalyzerFuzzTests.AssertScores(merged.Scores);
            if (sentences.Length == 0) Assert.Equal(SentimentLabel.Neutral, merged.Label);
        }, 2000, output);
}
