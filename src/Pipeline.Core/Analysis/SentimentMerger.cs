namespace Pipeline.Core.Analysis;

/// <summary>
/// Folds sentence sentiments into one document sentiment the way Azure AI Language reports it:
/// positive and negative sentences together make "mixed"; scores are the length-weighted mean, renormalised to sum to 1.
/// </summary>
public static class SentimentMerger
{
    public static SentimentResult Merge(IReadOnlyCollection<SentenceSentiment> sentences)
    {
        if (sentences.Count == 0)
            return new SentimentResult(SentimentLabel.Neutral, new SentimentScores(0, 1, 0));

        double positive = 0, neutral = 0, negative = 0, weight = 0;
        bool anyPositive = false, anyNegative = false;
        foreach (var sentence in sentences)
        {
            double w = Math.Max(1, sentence.Length);
            positive += sentence.ConfidenceScores.Positive * w;
            neutral += sentence.ConfidenceScores.Neutral * w;
            negative += sentence.ConfidenceScores.Negative * w;
            weight += w;
            anyPositive |= sentence.Sentiment is SentimentLabel.Positive or SentimentLabel.Mixed;
            anyNegative |= sentence.Sentiment is SentimentLabel.Negative or SentimentLabel.Mixed;
        }

        var scores = Normalise(positive / weight, neutral / weight, negative / weight);
        var label = (anyPositive, anyNegative) switch
        {
            (true, true) => SentimentLabel.Mixed,
            (true, false) => SentimentLabel.Positive,
            (false, true) => SentimentLabel.Negative,
            _ => SentimentLabel.Neutral,
        };
        return new SentimentResult(label, scores);
    }

    /// <summary>Rounds to two decimals (as the service does) while keeping the sum at exactly 1.</summary>
    public static SentimentScores Normalise(double positive, double neutral, double negative)
    {
        double sum = positive + neutral + negative;
        if (sum <= 0 || double.IsNaN(sum))
            return new SentimentScores(0, 1, 0);
        double p = Math.Round(positive / sum, 2), n = Math.Round(negative / sum, 2);
        double u = Math.Round(1 - p - n, 2);
        if (u < 0) { if (p >= n) p += u; else n += u; u = 0; }
        return new SentimentScores(p, u, n);
    }
}
