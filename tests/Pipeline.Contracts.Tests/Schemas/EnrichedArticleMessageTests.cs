using System.Text.Json;
using Pipeline.Ingestion;
using Pipeline.Ingestion.Enrichment;
using Pipeline.Summary;
using Pipeline.Testing;

namespace Pipeline.Contracts.Tests.Schemas;

public class EnrichedArticleMessageTests
{
    internal static EnrichedArticle Article(string text) => new()
    {
        ArticleId = new string('a', 32),
        ContentHash = ArticleIdentity.ContentHash(text),
        Source = new ArticleSource { Container = "articles", Name = "x.txt", ETag = "\"0x1\"", LastModified = DateTimeOffset.UnixEpoch, Format = "txt" },
        Title = "T",
        Language = new DetectedLanguage("en", "English", 1),
        IngestedAt = DateTimeOffset.UnixEpoch,
        Text = text,
        Statistics = new TextStatistics(text.Length, text.Length, 1, 1, 1, 1, 0),
        Sentiment = new ArticleSentiment(SentimentLabel.Negative, new SentimentScores(0, 0.2, 0.8), []),
        Entities = [],
        KeyPhrases = [],
        Analyzer = new AnalyzerStamp("offline", "1", 0),
    };

    [Fact]
    public void A_document_that_fits_48_KiB_is_the_message_itself()
    {
        var article = Article(new string('x', 40_000));
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(article, PipelineJson.Default.EnrichedArticle);

        var message = EnrichedArticleMessage.Encode(article, json);
        var (decoded, reference) = EnrichedArticleMessage.Decode(message);

        Assert.Null(reference);
        Assert.Equal(article.Text, decoded!.Text);
        Assert.Equal(SentimentLabel.Negative, decoded.Sentiment.Label);
        Assert.True(Convert.ToBase64String(message.ToArray()).Length <= 64 * 1024);
    }

    [Fact]
    public void A_larger_document_becomes_a_claim_check_reference()
    {
        var article = Article(new string('x', 60_000));
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(article, PipelineJson.Default.EnrichedArticle);

        var message = EnrichedArticleMessage.Encode(article, json);
        var (decoded, reference) = EnrichedArticleMessage.Decode(message);

        Assert.Null(decoded);
        Assert.Equal($"enriched/{article.ArticleId}.json", reference!.EnrichedBlob);
        Assert.Equal(article.ContentHash, reference.ContentHash);
        SchemaAssert.ValidEnrichedArticle(message.ToString());

        // The summary's share travels with the reference, so the summarize stage does not read the document back.
        Assert.Equal(
            JsonSerializer.Serialize(ArticleContribution.From(article), PipelineJson.Default.ArticleContribution),
            JsonSerializer.Serialize(reference.Contribution, PipelineJson.Default.ArticleContribution));
        Assert.True(message.ToMemory().Length < 4096, $"{message.ToMemory().Length} bytes");
    }

    [Fact]
    public void A_reference_carries_the_named_publisher_in_its_contribution()
    {
        var plain = Article(new string('x', 60_000));
        var article = plain with { Source = plain.Source with { Publisher = "Agence France-Presse" } };
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(article, PipelineJson.Default.EnrichedArticle);

        var message = EnrichedArticleMessage.Encode(article, json);

        SchemaAssert.ValidEnrichedArticle(message.ToString());
        Assert.Equal("Agence France-Presse", EnrichedArticleMessage.Decode(message).Reference!.Contribution.Publisher);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"schemaVersion\": 2}")]
    [InlineData("{\"articleId\": \"x\"}")]
    public void Anything_else_is_not_an_enriched_article(string message)
    {
        Assert.ThrowsAny<JsonException>(() => EnrichedArticleMessage.Decode(BinaryData.FromString(message)));
    }

    [Fact]
    public void Sentiment_labels_are_written_in_camel_case()
    {
        string json = JsonSerializer.Serialize(Article("t"), PipelineJson.Default.EnrichedArticle);
        Assert.Contains("\"label\":\"negative\"", json);
        Assert.DoesNotContain("\"publishedAt\"", json);
    }

    [Fact]
    public void A_long_text_is_written_in_segments_byte_for_byte_as_one_string_would_be()
    {
        // Surrogate pairs, escapes and control characters straddle the 16 K segment boundaries.
        var text = new System.Text.StringBuilder();
        for (int i = 0; text.Length < 100_000; i++)
            text.Append(i % 7 == 0 ? "\"q\" \\ \u0001\n" : i % 5 == 0 ? "😀é中" : "word ");
        var article = Article(text.ToString()) with { Title = text.ToString(0, 40_001) };

        byte[] segmented = JsonSerializer.SerializeToUtf8Bytes(article, PipelineJson.Default.EnrichedArticle);
        using var whole = JsonDocument.Parse(segmented);
        var plain = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(plain))
        {
            writer.WriteStringValue(article.Text);
        }

        Assert.Equal(article.Text, whole.RootElement.GetProperty("text").GetString());
        Assert.Equal(article.Title, whole.RootElement.GetProperty("title").GetString());
        Assert.True(segmented.AsSpan().IndexOf(plain.ToArray()) > 0, "the text is not encoded as one WriteStringValue encodes it");
    }
}
