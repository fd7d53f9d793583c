namespace Pipeline.Analysis;

/// <summary>
/// Folds sentence sentiments into one document sentiment. Scores are the length-weighted mean, renormalised to sum to 1.
/// The label is "mixed" only when positive and negative sentences each carry at least a fifth of the text: the service's
/// rule (one sentence of each is enough) makes nearly every long news article mixed, which tells a dashboard nothing.
/// Otherwise the side with more polar text wins, and an article with no polar sentence is neutral.
/// </summary>
public static class SentimentMerger
{
    public static SentimentResult Merge(IReadOnlyCollection<SentenceSentiment> sentences)
    {
        var totals = new SentimentTotals();
        foreach (var sentence in sentences)
            totals.Add(sentence);
        return totals.Result();
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

/// <summary>
/// The running sums behind <see cref="SentimentMerger.Merge"/>, so a long article's document sentiment is folded as its
/// chunks are analysed, without keeping every sentence.
/// </summary>
public sealed class SentimentTotals
{
    private const double MixedShare = 0.2;
    private double _positive, _neutral, _negative, _weight, _positiveText, _negativeText;

    public int Sentences { get; private set; }

    public void Add(SentenceSentiment sentence)
    {
        double w = Math.Max(1, sentence.Length);
        _positive += sentence.ConfidenceScores.Positive * w;
        _neutral += sentence.ConfidenceScores.Neutral * w;
        _negative += sentence.ConfidenceScores.Negative * w;
        _weight += w;
        if (sentence.Sentiment is SentimentLabel.Positive or SentimentLabel.Mixed) _positiveText += w;
        if (sentence.Sentiment is SentimentLabel.Negative or SentimentLabel.Mixed) _negativeText += w;
        Sentences++;
    }

    public SentimentResult Result()
    {
        if (Sentences == 0)
            return new SentimentResult(SentimentLabel.Neutral, new SentimentScores(0, 1, 0));
        var scores = SentimentMerger.Normalise(_positive / _weight, _neutral / _weight, _negative / _weight);
        double positiveShare = _positiveText / _weight, negativeShare = _negativeText / _weight;
        var label = positiveShare >= MixedShare && negativeShare >= MixedShare ? SentimentLabel.Mixed
            : positiveShare == 0 && negativeShare == 0 ? SentimentLabel.Neutral
            : positiveShare > negativeShare || (positiveShare == negativeShare && scores.Positive >= scores.Negative) ? SentimentLabel.Positive
            : SentimentLabel.Negative;
        return new SentimentResult(label, scores);
    }
}
