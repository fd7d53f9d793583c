namespace Pipeline.Analysis;

/// <summary>
/// Folds sentence sentiments into one document sentiment. Scores are the length-weighted mean, renormalised to sum to 1.
/// The label is "mixed" only when positive and negative sentences each carry at least a fifth of the text: the service's
/// rule (one sentence of each is enough) makes nearly every long news article mixed, which tells a dashboard nothing.
/// Otherwise the side with more polar text wins, and an article with no polar sentence is neutral.
/// </summary>
public static class SentimentMerger
{
    private const double MixedShare = 0.2;

    public static SentimentResult Merge(IReadOnlyCollection<SentenceSentiment> sentences)
    {
        if (sentences.Count == 0)
            return new SentimentResult(SentimentLabel.Neutral, new SentimentScores(0, 1, 0));

        double positive = 0, neutral = 0, negative = 0, weight = 0, positiveText = 0, negativeText = 0;
        foreach (var sentence in sentences)
        {
            double w = Math.Max(1, sentence.Length);
            positive += sentence.ConfidenceScores.Positive * w;
            neutral += sentence.ConfidenceScores.Neutral * w;
            negative += sentence.ConfidenceScores.Negative * w;
            weight += w;
            if (sentence.Sentiment is SentimentLabel.Positive or SentimentLabel.Mixed) positiveText += w;
            if (sentence.Sentiment is SentimentLabel.Negative or SentimentLabel.Mixed) negativeText += w;
        }

        var scores = Normalise(positive / weight, neutral / weight, negative / weight);
        double positiveShare = positiveText / weight, negativeShare = negativeText / weight;
        var label = positiveShare >= MixedShare && negativeShare >= MixedShare ? SentimentLabel.Mixed
            : positiveShare == 0 && negativeShare == 0 ? SentimentLabel.Neutral
            : positiveShare > negativeShare || (positiveShare == negativeShare && scores.Positive >= scores.Negative) ? SentimentLabel.Positive
            : SentimentLabel.Negative;
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
