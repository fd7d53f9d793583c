using System.Net;
using System.Text.RegularExpressions;

namespace Pipeline.Analysis.Offline.Tests;

/// <summary>
/// Issue #17: no organisation, place or event among the people of the English seeds. Clubs with a Scandinavian form
/// ("IL"), a company named after "company", a quoted festival and foreign street and body names were all taken for people.
/// </summary>
public partial class SeedPeopleTests
{
    private static readonly OfflineTextAnalyzer Analyzer = new();

    private static DocumentAnalysis Analyze(string name)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
        // The HTML seeds are read as the ingestion reads them: text without tags, entities decoded.
        if (name.EndsWith(".html", StringComparison.Ordinal)) text = WebUtility.HtmlDecode(Tags().Replace(text, " "));
        return Analyzer.Analyze(new AnalysisDocument(name, text, null));
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [Theory]
    [InlineData("sport-norwegian-cup-final-extra-time.html", "Fjordvik IL", "Organization")]
    [InlineData("sport-norwegian-cup-final-extra-time.html", "Fjordvik", "Organization")]
    [InlineData("sport-norwegian-cup-final-extra-time.html", "Ullevaal Stadion", "Location")]
    [InlineData("technology-ariane-broadband-satellites-launch.html", "Aurora Orbital", "Organization")]
    [InlineData("technology-ariane-broadband-satellites-launch.html", "Aurora", "Organization")]
    [InlineData("technology-ariane-broadband-satellites-launch.html", "Weser Raumfahrt", "Organization")]
    [InlineData("culture-seville-flamenco-festival-sold-out.txt", "Noches de Flamenco", "Event")]
    [InlineData("culture-seville-flamenco-festival-sold-out.txt", "Plaza de España", "Location")]
    [InlineData("culture-seville-flamenco-festival-sold-out.txt", "Paseo de Colón", "Location")]
    [InlineData("culture-seville-flamenco-festival-sold-out.txt", "Barrio de Santiago", "Location")]
    [InlineData("culture-seville-flamenco-festival-sold-out.txt", "Río Abajo", "Location")]
    [InlineData("culture-seville-flamenco-festival-sold-out.txt", "Junta de Andalucía", "Organization")]
    [InlineData("culture-seville-flamenco-festival-sold-out.txt", "Lyon", "Location")]
    public void Names_the_seed_entity_by_its_category_and_never_as_a_person(string seed, string text, string category)
    {
        var found = Analyze(seed).Entities.Where(e => e.Text == text).ToList();
        Assert.NotEmpty(found);
        Assert.DoesNotContain(found, e => e.Category == "Person");
        Assert.All(found, e => Assert.Equal(category, e.Category));
    }
}
