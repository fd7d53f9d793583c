using Pipeline.Analysis.Offline;

namespace Pipeline.Analysis.Offline.Tests;

public class OfflineSentimentTests
{
    private static readonly OfflineTextAnalyzer Analyzer = new();

    private static SentenceSentiment Sentence(string text) => Assert.Single(Analyzer.Analyze(new AnalysisDocument("1", text, "en")).Sentences);

    [Theory]
    [InlineData("The service was good.", SentimentLabel.Positive)]
    [InlineData("The service was not good.", SentimentLabel.Negative)]
    [InlineData("The service was never bad.", SentimentLabel.Positive)]
    [InlineData("The food wasn't terrible.", SentimentLabel.Positive)]
    [InlineData("The hotel was great but the staff were rude and the room was dirty.", SentimentLabel.Negative)]
    [InlineData("The start was awful, but the ending was wonderful.", SentimentLabel.Positive)]
    [InlineData("Shares fell 12% after the profit warning.", SentimentLabel.Negative)]
    [InlineData("At least 40 people were killed in the attack.", SentimentLabel.Negative)]
    [InlineData("The ceasefire collapsed overnight.", SentimentLabel.Negative)]
    [InlineData("The company reported record profits.", SentimentLabel.Positive)]
    [InlineData("The committee meets on Tuesday in Geneva.", SentimentLabel.Neutral)]
    public void Labels_sentences(string text, SentimentLabel expected) => Assert.Equal(expected, Sentence(text).Sentiment);

    [Fact]
    public void Intensifiers_strengthen_and_negation_flips()
    {
        double good = Sentence("The results were good.").ConfidenceScores.Positive;
        double veryGood = Sentence("The results were very good.").ConfidenceScores.Positive;
        Assert.True(veryGood > good, $"{veryGood} > {good}");
        Assert.True(Sentence("The results were not good.").ConfidenceScores.Negative > 0.5);
    }

    [Fact]
    public void Document_sentiment_is_mixed_when_sentences_disagree_and_scores_sum_to_one()
    {
        var analysis = Analyzer.Analyze(new AnalysisDocument("1", "The launch was a triumph. The recall was a disaster.", "en"));
        Assert.Equal([SentimentLabel.Positive, SentimentLabel.Negative], analysis.Sentences.Select(s => s.Sentiment));
        Assert.Equal(SentimentLabel.Mixed, analysis.Sentiment.Label);
        var s = analysis.Sentiment.Scores;
        Assert.Equal(1.0, s.Positive + s.Neutral + s.Negative, 6);
        Assert.Equal(26, analysis.Sentences[1].Offset);
    }
}
