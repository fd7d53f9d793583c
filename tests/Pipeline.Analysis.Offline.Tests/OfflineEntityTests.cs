using Pipeline.Analysis.Offline;

namespace Pipeline.Analysis.Offline.Tests;

public class OfflineEntityTests
{
    private static readonly OfflineTextAnalyzer Analyzer = new();

    private static IReadOnlyList<EntityMention> Entities(string text) => Analyzer.Analyze(new AnalysisDocument("1", text, "en")).Entities;

    private static EntityMention Single(string text, string entityText) => Assert.Single(Entities(text), e => e.Text == entityText);

    [Theory]
    [InlineData("On Monday President Zelensky met the press.", "President", "Zelensky")]
    [InlineData("Talks resumed after Prime Minister Keir Starmer arrived.", "Prime Minister", "Keir Starmer")]
    [InlineData("The plan was backed by Ukrainian President Volodymyr Zelensky.", "President", "Volodymyr Zelensky")]
    [InlineData("Later Secretary of State Marco Rubio spoke.", "Secretary of State", "Marco Rubio")]
    public void Strips_titles_from_people_and_reports_them_as_person_types(string text, string title, string person)
    {
        var entities = Entities(text);
        Assert.Contains(entities, e => e.Text == title && e.Category == "PersonType");
        Assert.Contains(entities, e => e.Text == person && e.Category == "Person");
        Assert.DoesNotContain(entities, e => e.Category == "Person" && e.Text.Contains(title));
    }

    [Fact]
    public void Drops_honorifics_without_reporting_them()
    {
        var entities = Entities("Officials said Mr. Okonkwo would travel.");
        Assert.Contains(entities, e => e.Text == "Okonkwo" && e.Category == "Person");
        Assert.DoesNotContain(entities, e => e.Text.StartsWith("Mr", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolves_a_surname_after_the_full_name_in_the_same_document()
    {
        const string text = "Volodymyr Zelensky addressed parliament. Later, Zelensky thanked the allies. Zelensky's office confirmed it.";
        var people = Entities(text).Where(e => e.Text == "Zelensky").ToList();
        Assert.Equal(2, people.Count);
        Assert.All(people, e => Assert.Equal("Person", e.Category));
        Assert.Contains(Entities(text), e => e.Text == "Volodymyr Zelensky" && e.Category == "Person");
    }

    [Fact]
    public void Names_an_acronym_like_its_long_form()
    {
        const string text = "The Kyiv Centre for Strategic Analysis (KCSA) published a report. Analysts at KCSA expect more sanctions.";
        var entities = Entities(text);
        Assert.Contains(entities, e => e.Text == "Kyiv Centre for Strategic Analysis" || e.Text == "Centre for Strategic Analysis");
        var acronyms = entities.Where(e => e.Text == "KCSA").ToList();
        Assert.Equal(2, acronyms.Count);
        Assert.All(acronyms, e => Assert.Equal("Organization", e.Category));
    }

    [Fact]
    public void Names_a_known_acronym_and_its_long_form_consistently()
    {
        const string text = "Leaders of the North Atlantic Treaty Organization (NATO) met in Brussels. NATO said more troops would follow.";
        var entities = Entities(text);
        Assert.Equal("Organization", Single(text, "North Atlantic Treaty Organization").Category);
        Assert.All(entities.Where(e => e.Text == "NATO"), e => Assert.Equal("Organization", e.Category));
        Assert.Equal(2, entities.Count(e => e.Text == "NATO"));
        Assert.Equal("Location", Single(text, "Brussels").Category);
    }

    [Theory]
    [InlineData("Shares fell 12% on Tuesday.", "12%", "Quantity", "Percentage")]
    [InlineData("The company raised $5 billion from investors.", "$5 billion", "Quantity", "Currency")]
    [InlineData("The ceasefire lasted three weeks.", "three weeks", "DateTime", "Duration")]
    [InlineData("The summit opened on 12 March 2025 in Geneva.", "12 March 2025", "DateTime", "Date")]
    [InlineData("She finished third in the race.", "third", "Quantity", "Ordinal")]
    [InlineData("The 45-year-old was released.", "45-year-old", "Quantity", "Age")]
    [InlineData("Doors open at 10:30 a.m. sharp.", "10:30 a.m.", "DateTime", "Time")]
    public void Finds_dates_and_quantities(string text, string expected, string category, string subcategory)
    {
        var entity = Single(text, expected);
        Assert.Equal(category, entity.Category);
        Assert.Equal(subcategory, entity.Subcategory);
    }

    [Fact]
    public void Spans_carry_no_trailing_punctuation_and_organisations_are_found_by_their_form()
    {
        const string text = "Investors sold shares of Northwind Holdings. The University of Lviv, and the Acme Corp., agreed.";
        var entities = Entities(text);
        Assert.Contains(entities, e => e.Text == "Northwind Holdings" && e.Category == "Organization");
        Assert.Contains(entities, e => e.Text == "University of Lviv" && e.Category == "Organization");
        Assert.All(entities, e => Assert.False(char.IsPunctuation(e.Text[^1]) && !e.Text.EndsWith("Corp.", StringComparison.Ordinal), e.Text));
    }
}
