
namespace Pipeline.Analysis.Offline.Tests;

public class SentimentMergerTests
{
    private static SentenceSentiment Sentence(SentimentLabel label, double p, double u, double n, int length = 10) =>
        new("", 0, length, label, new SentimentScores(p, u, n));

    [Fact]
    public void No_sentences_is_neutral()
    {
        Assert.Equal(new SentimentResult(SentimentLabel.Neutral, new SentimentScores(0, 1, 0)), SentimentMerger.Merge([]));
    }

    [Fact]
    public void Positive_and_neutral_sentences_are_positive_with_length_weighted_scores()
    {
        var merged = SentimentMerger.Merge([Sentence(SentimentLabel.Positive, 0.9, 0.1, 0, 30), Sentence(SentimentLabel.Neutral, 0, 1, 0, 10)]);

        Assert.Equal(SentimentLabel.Positive, merged.Label);
        Assert.Equal(new SentimentScores(0.68, 0.32, 0), merged.Scores);
    }

    [Fact]
    public void Positive_and_negative_sentences_are_mixed()
    {
        Assert.Equal(SentimentLabel.Mixed, SentimentMerger.Merge([Sentence(SentimentLabel.Positive, 1, 0, 0), Sentence(SentimentLabel.Negative, 0, 0, 1)]).Label);
    }

    [Fact]
    public void One_negative_aside_in_a_positive_article_does_not_make_it_mixed()
    {
        var merged = SentimentMerger.Merge([
            Sentence(SentimentLabel.Positive, 0.9, 0.1, 0, 200), Sentence(SentimentLabel.Neutral, 0, 1, 0, 300), Sentence(SentimentLabel.Negative, 0, 0.2, 0.8, 40)]);
        Assert.Equal(SentimentLabel.Positive, merged.Label);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(0.333, 0.333, 0.334)]
    [InlineData(0.005, 0.005, 0.99)]
    [InlineData(0, 0, 0)]
    public void Normalised_scores_always_sum_to_exactly_one(double p, double u, double n)
    {
        var scores = SentimentMerger.Normalise(p, u, n);
        Assert.Equal(1.0, scores.Positive + scores.Neutral + scores.Negative, 10);
        Assert.True(scores.Positive >= 0 && scores.Neutral >= 0 && scores.Negative >= 0);
    }
}
