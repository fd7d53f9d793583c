using System.Globalization;
using System.Text;
using Pipeline.Analysis;
using Pipeline.Ingestion.Enrichment;

namespace Pipeline.Ingestion.Tests.Enrichment;

public class ChunkedTextAnalysisTests
{
    /// <summary>Finds every "Kyiv" as a Location and scores sentences by the words "good" and "bad".</summary>
    private sealed class MarkerAnalyzer : ITextAnalyzer
    {
        public List<int> BatchSizes { get; } = [];
        public AnalyzerInfo Info { get; } = new("marker", "1");

        public Task<IReadOnlyList<DocumentAnalysis>> AnalyzeAsync(IReadOnlyList<AnalysisDocument> documents, CancellationToken cancellationToken)
        {
            BatchSizes.Add(documents.Count);
            return Task.FromResult<IReadOnlyList<DocumentAnalysis>>(documents.Select(d =>
            {
                var entities = new List<EntityMention>();
                for (int at = d.Text.IndexOf("Kyiv", StringComparison.Ordinal); at >= 0; at = d.Text.IndexOf("Kyiv", at + 1, StringComparison.Ordinal))
                    entities.Add(new EntityMention("Kyiv", "Location", "GPE", at, 4, 0.9));
                var sentences = new List<SentenceSentiment>();
                int start = 0;
                foreach (string sentence in d.Text.Split(". ", StringSplitOptions.RemoveEmptyEntries))
                {
                    var label = sentence.Contains("good") ? SentimentLabel.Positive : sentence.Contains("bad") ? SentimentLabel.Negative : SentimentLabel.Neutral;
                    var scores = label switch { SentimentLabel.Positive => new SentimentScores(0.9, 0.1, 0), SentimentLabel.Negative => new SentimentScores(0, 0.1, 0.9), _ => new SentimentScores(0, 1, 0) };
                    sentences.Add(new SentenceSentiment(sentence, start, sentence.Length, label, scores));
                    start += sentence.Length + 2;
                }
                return new DocumentAnalysis(d.Id, new DetectedLanguage("en", "English", 0.9), SentimentMerger.Merge(sentences), sentences, entities,
                    ["phrase " + d.Id, "shared phrase"], TextRecords: 1);
            }).ToList());
        }
    }

    [Fact]
    public async Task Entity_offsets_from_every_chunk_land_on_the_right_characters_of_the_article()
    {
        var text = new StringBuilder();
        for (int i = 0; text.Length < 16_000; i++)
            text.Append(CultureInfo.InvariantCulture, $"Report {i} from Kyiv with 🇺🇦 and Zoe\u0308 was good. ");
        string article = text.ToString();
        var marker = new MarkerAnalyzer();

        var analysis = await new ChunkedTextAnalysis(marker).AnalyzeAsync(article, "en", CancellationToken.None);

        Assert.True(analysis.Chunks >= 3, $"{analysis.Chunks} chunks");
        Assert.Equal([analysis.Chunks], marker.BatchSizes);
        int expected = (article.Length - article.Replace("Kyiv", "", StringComparison.Ordinal).Length) / 4;
        Assert.Equal(expected, analysis.Entities.Count);
        Assert.All(analysis.Entities, e => Assert.Equal("Kyiv", article.Substring(e.Offset, e.Length)));
        Assert.All(analysis.Sentences, s => Assert.StartsWith("Report", article.Substring(s.Offset, s.Length)));
        Assert.Equal(analysis.Chunks, analysis.TextRecords);
    }

    [Fact]
    public async Task Positive_and_negative_sentences_in_different_chunks_merge_into_mixed_with_scores_summing_to_one()
    {
        string good = string.Concat(Enumerable.Repeat("This was good news. ", 300));
        string bad = string.Concat(Enumerable.Repeat("This was bad news. ", 300));

        var analysis = await new ChunkedTextAnalysis(new MarkerAnalyzer()).AnalyzeAsync(good + bad, null, CancellationToken.None);

        Assert.True(analysis.Chunks >= 2);
        Assert.Equal(SentimentLabel.Mixed, analysis.Sentiment.Label);
        var s = analysis.Sentiment.Scores;
        Assert.Equal(1.0, s.Positive + s.Neutral + s.Negative, 6);
        Assert.InRange(s.Positive, 0.4, 0.5);
        Assert.InRange(s.Negative, 0.4, 0.5);
    }

    [Fact]
    public async Task Key_phrases_interleave_across_chunks_without_duplicates()
    {
        string text = string.Concat(Enumerable.Repeat("Kyiv is good. ", 1000));
        var analysis = await new ChunkedTextAnalysis(new MarkerAnalyzer()).AnalyzeAsync(text, null, CancellationToken.None);

        Assert.Equal("phrase 0", analysis.KeyPhrases[0]);
        Assert.Equal("phrase 1", analysis.KeyPhrases[1]);
        Assert.Single(analysis.KeyPhrases, p => p == "shared phrase");
    }

    [Fact]
    public async Task A_long_article_is_analysed_a_group_of_chunks_at_a_time_keeping_the_first_sentences_and_counting_all()
    {
        var text = new StringBuilder();
        for (int i = 0; text.Length < 200_000; i++)
            text.Append(CultureInfo.InvariantCulture, $"Report {i} from Kyiv was {(i % 3 == 0 ? "bad" : "good")}. ");
        string article = text.ToString();
        var marker = new MarkerAnalyzer();

        var all = await new ChunkedTextAnalysis(new MarkerAnalyzer()).AnalyzeAsync(article, "en", CancellationToken.None);
        var capped = await new ChunkedTextAnalysis(marker).AnalyzeAsync(article, "en", 100, CancellationToken.None);

        Assert.True(marker.BatchSizes.Count > 1 && marker.BatchSizes.All(size => size <= 32), string.Join(",", marker.BatchSizes));
        Assert.Equal(capped.Chunks, marker.BatchSizes.Sum());
        Assert.Equal(100, capped.Sentences.Count);
        Assert.Equal(all.Sentences.Take(100), capped.Sentences);
        Assert.Equal(all.Sentences.Count, capped.SentenceCount);
        Assert.Equal(SentimentMerger.Merge(all.Sentences.ToList()), capped.Sentiment);
        Assert.Equal(SentimentLabel.Mixed, capped.Sentiment.Label);
        Assert.Equal(all.Entities, capped.Entities);
    }
}
