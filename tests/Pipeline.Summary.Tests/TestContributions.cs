namespace Pipeline.Summary.Tests;

/// <summary>A contribution with everything but what a test varies filled in from its id.</summary>
internal static class TestContributions
{
    public static ArticleContribution Article(string id, DateTimeOffset ingested, SentimentLabel sentiment, double score, IReadOnlyList<EntityCount> entities) => new()
    {
        ArticleId = id,
        ContentHash = "sha256:" + id,
        Title = "Title " + id,
        SourceName = id + ".txt",
        SourceLastModified = ingested,
        IngestedAt = ingested,
        Language = "en",
        Sentiment = sentiment,
        SentimentScore = score,
        Entities = entities,
    };
}
