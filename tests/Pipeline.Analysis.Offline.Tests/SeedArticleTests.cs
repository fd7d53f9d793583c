using Pipeline.Analysis.Offline;

namespace Pipeline.Analysis.Offline.Tests;

public class SeedArticleTests
{
    private static readonly string Text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "us-ukraine-security-guarantees.txt"));

    private static DocumentAnalysis Analyze() => new OfflineTextAnalyzer().Analyze(new AnalysisDocument("seed", Text, null));

    [Theory]
    [InlineData("United States", "Location", "GPE")]
    [InlineData("Ukraine", "Location", "GPE")]
    [InlineData("NATO", "Organization", null)]
    [InlineData("Russia", "Location", "GPE")]
    [InlineData("CNN", "Organization", null)]
    [InlineData("Zelensky", "Person", null)]
    [InlineData("Donetsk", "Location", "GPE")]
    [InlineData("Luhansk", "Location", "GPE")]
    [InlineData("envoy", "PersonType", null)]
    public void Finds_the_required_entity(string text, string category, string? subcategory)
    {
        var found = Analyze().Entities.Where(e => e.Text == text).ToList();
        Assert.NotEmpty(found);
        Assert.All(found, e => Assert.Equal(category, e.Category));
        Assert.All(found, e => Assert.Equal(subcategory, e.Subcategory));
    }

    [Fact]
    public void Finds_Europe_as_a_location()
    {
        var europe = Assert.Single(Analyze().Entities, e => e.Text == "Europe");
        Assert.Equal("Location", europe.Category);
        Assert.Contains(europe.Subcategory, new[] { "Geographical", "GPE" });
    }

    [Fact]
    public void Has_at_most_two_false_positives_among_people_places_and_organisations()
    {
        // Correct mentions beyond the required list: the envoy's name and "US" (the country, as in "US officials").
        var correct = new HashSet<(string, string)>
        {
            ("United States", "Location"), ("Ukraine", "Location"), ("NATO", "Organization"), ("Russia", "Location"),
            ("CNN", "Organization"), ("Zelensky", "Person"), ("Donetsk", "Location"), ("Luhansk", "Location"),
            ("Europe", "Location"), ("US", "Location"), ("Steve Vitkov", "Person"), ("Vitkov", "Person"),
        };
        var falsePositives = Analyze().Entities
            .Where(e => e.Category is "Person" or "Location" or "Organization")
            .Where(e => !correct.Contains((e.Text, e.Category)))
            .Select(e => $"{e.Category} '{e.Text}'")
            .ToList();
        Assert.True(falsePositives.Count <= 2, "False positives: " + string.Join(", ", falsePositives));
    }

    [Fact]
    public void Every_offset_points_at_the_entity_text()
    {
        var analysis = Analyze();
        Assert.All(analysis.Entities, e => Assert.Equal(e.Text, Text.Substring(e.Offset, e.Length)));
        Assert.All(analysis.Sentences, s => Assert.Equal(s.Text, Text.Substring(s.Offset, s.Length)));
        Assert.All(analysis.Entities, e => Assert.InRange(e.ConfidenceScore, 0, 1));
    }

    [Fact]
    public void Reports_English_sentences_and_key_phrases()
    {
        var analysis = Analyze();
        Assert.Equal("en", analysis.Language.Iso6391Name);
        Assert.Equal(13, analysis.Sentences.Count);
        Assert.InRange(analysis.KeyPhrases.Count, 5, KeyPhraseExtractor.MaxPhrases);
        Assert.Equal(analysis.KeyPhrases.Count, analysis.KeyPhrases.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains(analysis.KeyPhrases, k => k.Contains("security guarantees", StringComparison.OrdinalIgnoreCase));
    }
}
