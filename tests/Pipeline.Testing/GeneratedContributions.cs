using Pipeline.Summary;

namespace Pipeline.Testing;

/// <summary>
/// Synthetic article contributions for sizing the summary state: a vocabulary of entities with a long tail (a few in
/// most articles, most in few), 5 to 25 entities per article, ingestion spread over the last 48 hours. Same seed, same articles.
/// </summary>
public static class GeneratedContributions
{
    private static readonly string[] Categories = ["Location", "Person", "Organization", "Event", "Product"];

    public static IEnumerable<ArticleContribution> Generate(int count, DateTimeOffset now, int vocabulary = 3_000, int seed = 17)
    {
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            int entities = random.Next(5, 26);
            var picked = new Dictionary<int, int>();
            while (picked.Count < entities)
                picked.TryAdd((int)(vocabulary * Math.Pow(random.NextDouble(), 3)), random.Next(1, 6));
            double score = Math.Round(random.NextDouble() * 2 - 1, 4);
            yield return new ArticleContribution
            {
                ArticleId = i.ToString("x32", System.Globalization.CultureInfo.InvariantCulture),
                ContentHash = "sha256:" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Title = $"Generated article {i} on the subject of entity {picked.Keys.First()}",
                SourceName = $"publisher{i % 12}/2026/{i}.txt",
                SourceLastModified = now,
                IngestedAt = now.AddMinutes(-random.Next(0, 48 * 60)),
                Language = (i % 4) switch { 0 => "de", 1 => "fr", _ => "en" },
                Sentiment = score > 0.2 ? SentimentLabel.Positive : score < -0.2 ? SentimentLabel.Negative : SentimentLabel.Neutral,
                SentimentScore = score,
                Entities = picked.OrderByDescending(p => p.Value).ThenBy(p => p.Key)
                    .Select(p => new EntityCount(Categories[p.Key % Categories.Length], $"Entity {p.Key}", p.Value, Id(p.Key), [$"Entity {p.Key}", $"E{p.Key}"]))
                    .ToList(),
            };
        }
    }

    /// <summary>The canonical id of vocabulary entry <paramref name="index"/>, e.g. <c>location:entity-0</c>.</summary>
    public static string Id(int index) => $"{Categories[index % Categories.Length].ToLowerInvariant()}:entity-{index}";

    /// <summary>A state folded from <paramref name="count"/> generated articles as the folder would leave it.</summary>
    public static SummaryState Fold(SummaryAggregator aggregator, int count, DateTimeOffset now)
    {
        var state = new SummaryState { Version = 1, UpdatedAt = now };
        foreach (var contribution in Generate(count, now))
            aggregator.Add(state, contribution);
        aggregator.Trim(state, now);
        return state;
    }
}
