using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Pipeline.Local.Generation;

/// <summary>
/// Deterministic synthetic news articles for load runs: the same seed gives the same files, byte for byte.
/// Formats are mixed like a newsroom's drop folder (40% .txt, 20% each .md/.html/.json), lengths spread from
/// 300 to 20,000 characters, and the text names people, places and organisations so the analyzer has work to do.
/// </summary>
public static class ArticleGenerator
{
    private static readonly string[] People = ["Olaf Scholz", "Emmanuel Macron", "Giorgia Meloni", "Volodymyr Zelensky", "Ursula von der Leyen", "Keir Starmer", "Pedro Sánchez", "Donald Tusk", "Narendra Modi", "Lula da Silva"];
    private static readonly string[] Places = ["Berlin", "Paris", "Rome", "Kyiv", "Brussels", "London", "Madrid", "Warsaw", "New Delhi", "Brasília", "Ukraine", "Germany", "France", "Italy", "Japan", "Canada"];
    private static readonly string[] Organisations = ["NATO", "the European Commission", "the United Nations", "the World Health Organization", "the International Monetary Fund", "Siemens", "Airbus", "Reuters", "the World Bank", "UEFA"];
    private static readonly string[] Topics = ["trade", "energy", "defence", "climate", "budget", "health", "transport", "football", "science", "culture"];
    private static readonly string[] Moods =
    [
        "welcomed the strong progress and praised the excellent cooperation",
        "warned of a severe crisis after talks collapsed and prices fell 12%",
        "said the meeting was routine and that discussions would continue",
        "celebrated record profits but criticised the painful job cuts",
        "condemned the deadly attack that killed several civilians",
    ];

    /// <param name="count">Articles to generate.</param>
    /// <param name="seed">The same seed gives the same articles.</param>
    /// <param name="maxLength">The longest body in characters: the long tail (30% of articles, from 4,000) ends here.</param>
    public static IEnumerable<(string Name, byte[] Content)> Generate(int count, int seed = 20261128, int maxLength = 20_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 4_000);
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            int length = random.Next(100) < 70 ? random.Next(300, 4_000) : random.Next(4_000, maxLength + 1);
            string topic = Topics[random.Next(Topics.Length)];
            string title = $"{Pick(random, People)} and {Pick(random, Organisations)} on {topic} in {Pick(random, Places)}";
            string body = Body(random, topic, length);
            string name = $"generated/{i:D6}-{topic}";
            yield return (random.Next(10)) switch
            {
                < 4 => (name + ".txt", Encoding.UTF8.GetBytes($"{title}\n\n{body}")),
                < 6 => (name + ".md", Encoding.UTF8.GetBytes($"---\ntitle: {title}\nsource: Generator\npublishedAt: {Published(i)}\n---\n\n{body.Replace("\n\n", "\n\n", StringComparison.Ordinal)}")),
                < 8 => (name + ".html", Encoding.UTF8.GetBytes($"<!doctype html><html lang=\"en\"><head><title>{title}</title><style>p{{margin:0}}</style></head><body><nav>Home | World</nav><article><h1>{title}</h1><p>{body.Replace("\n\n", "</p><p>", StringComparison.Ordinal)}</p></article><footer>© Generator</footer></body></html>")),
                _ => (name + ".json", JsonSerializer.SerializeToUtf8Bytes(new { id = i.ToString(CultureInfo.InvariantCulture), title, body, source = "Generator", publishedAt = Published(i) })),
            };
        }
    }

    private static string Body(Random random, string topic, int length)
    {
        var text = new StringBuilder(length + 200);
        while (text.Length < length)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{Pick(random, People)} met officials from {Pick(random, Organisations)} in {Pick(random, Places)} on {DayName(random)} to discuss {topic}. ");
            text.Append(CultureInfo.InvariantCulture, $"Observers {Pick(random, Moods)}. ");
            if (random.Next(3) == 0) text.Append("\n\n");
        }
        return text.ToString().Trim();
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static string DayName(Random random) => ((DayOfWeek)random.Next(7)).ToString();

    private static string Published(int i) => new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i * 7).ToString("O", CultureInfo.InvariantCulture);
}
