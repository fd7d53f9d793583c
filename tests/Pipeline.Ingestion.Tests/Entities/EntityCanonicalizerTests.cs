using Pipeline.Analysis.Entities;

namespace Pipeline.Ingestion.Tests.Entities;

public class EntityCanonicalizerTests
{
    /// <summary>Mentions found in <paramref name="text"/> in order, each given as (surface text, category).</summary>
    private static IReadOnlyList<EntityMention> Link(string text, params (string Text, string Category)[] mentions)
    {
        var found = new List<EntityMention>();
        int from = 0;
        foreach (var (surface, category) in mentions)
        {
            int offset = text.IndexOf(surface, from, StringComparison.Ordinal);
            Assert.True(offset >= 0, $"'{surface}' is not in the text after {from}");
            found.Add(new EntityMention(surface, category, null, offset, surface.Length, 0.9));
            from = offset + surface.Length;
        }
        return EntityCanonicalizer.Default.Canonicalize(text, found);
    }

    [Fact]
    public void Country_names_codes_and_translations_link_to_one_ISO_3166_id()
    {
        var linked = Link("The US, the United States, États-Unis, die Vereinigten Staaten and Estados Unidos agreed; the Netherlands and Netherlands did not.",
            ("US", "Location"), ("United States", "Location"), ("États-Unis", "Location"), ("Vereinigten Staaten", "Location"), ("Estados Unidos", "Location"),
            ("the Netherlands", "Location"), ("Netherlands", "Location"));

        Assert.Equal(["iso3166:US", "iso3166:US", "iso3166:US", "iso3166:US", "iso3166:US", "iso3166:NL", "iso3166:NL"], linked.Select(m => m.Canonical!.Id));
        Assert.All(linked.Take(5), m => Assert.Equal("United States", m.Canonical!.Name));
        Assert.Equal(EntityCanonicalizer.Iso3166Source, linked[0].Canonical!.Source);
        Assert.Equal("Netherlands", linked[5].Canonical!.Name);
    }

    [Fact]
    public void A_mention_longer_than_any_name_is_left_unlinked_and_costs_nothing_per_word()
    {
        // A hostile run of capitalised words that a recognizer takes for one name: linking it would put its whole text into
        // the id, the display name and every alias, past what a queue message carries.
        string run = string.Join(' ', Enumerable.Repeat("NATO UN EU", 30_000));
        var linked = Link(run + " met NATO.", (run, "Organization"), ("NATO", "Organization"));

        Assert.Null(linked[0].Canonical);
        Assert.Equal("org:nato", linked[1].Canonical!.Id);
    }

    [Fact]
    public void Organisations_and_their_acronyms_link_through_the_alias_table()
    {
        var linked = Link("ESA and the European Space Agency, the UN and NATO.",
            ("ESA", "Organization"), ("European Space Agency", "Organization"), ("UN", "Organization"), ("NATO", "Organization"));

        Assert.Equal(["org:esa", "org:esa", "org:un", "org:nato"], linked.Select(m => m.Canonical!.Id));
        Assert.Equal("European Space Agency", linked[0].Canonical!.Name);
        Assert.Equal(EntityCanonicalizer.AliasSource, linked[0].Canonical!.Source);
    }

    [Fact]
    public void An_acronym_defined_in_parentheses_names_the_organisation_for_the_rest_of_the_article()
    {
        var linked = Link("The Aurora Orbital Consortium (AOC) launched. Later AOC said it would launch again.",
            ("Aurora Orbital Consortium", "Organization"), ("AOC", "Organization"), ("AOC", "Organization"));

        Assert.All(linked, m => Assert.Equal("organization:aurora-orbital-consortium", m.Canonical!.Id));
        Assert.Equal(EntityCanonicalizer.ArticleSource, linked[2].Canonical!.Source);
    }

    [Fact]
    public void Products_and_events_define_acronyms_too()
    {
        var linked = Link("The James Webb Space Telescope (JWST) saw it; JWST data went to the Busan International Film Festival (BIFF), and BIFF was pleased.",
            ("James Webb Space Telescope", "Product"), ("JWST", "Product"), ("JWST", "Product"), ("Busan International Film Festival", "Event"), ("BIFF", "Event"), ("BIFF", "Event"));

        Assert.Equal(["product:james-webb-space-telescope", "product:james-webb-space-telescope", "product:james-webb-space-telescope",
            "event:busan-international-film-festival", "event:busan-international-film-festival", "event:busan-international-film-festival"], linked.Select(m => m.Canonical!.Id));
    }

    [Fact]
    public void A_definition_in_the_article_wins_over_the_alias_table()
    {
        var linked = Link("The Agrarian Union (AU) met. AU members voted.", ("Agrarian Union", "Organization"), ("AU", "Organization"));

        Assert.Equal("organization:agrarian-union", linked[1].Canonical!.Id);
    }

    [Fact]
    public void A_surname_is_the_full_name_the_article_uses_before_or_after_it_and_transliterations_meet()
    {
        var linked = Link("Zelensky spoke first. Volodymyr Zelenskyy later said Zelenskiy had not. Macron agreed.",
            ("Zelensky", "Person"), ("Volodymyr Zelenskyy", "Person"), ("Zelenskiy", "Person"), ("Macron", "Person"));

        Assert.Equal(["person:volodymyr-zelensky", "person:volodymyr-zelensky", "person:volodymyr-zelensky", "person:macron"], linked.Select(m => m.Canonical!.Id));
        Assert.Equal("Volodymyr Zelenskyy", linked[0].Canonical!.Name);
        Assert.Equal(EntityCanonicalizer.ArticleSource, linked[0].Canonical!.Source);
        Assert.Equal(EntityCanonicalizer.TextSource, linked[3].Canonical!.Source);
    }

    [Fact]
    public void A_surname_two_people_share_stays_unresolved()
    {
        var linked = Link("Joe Biden and Jill Biden arrived; Biden spoke.", ("Joe Biden", "Person"), ("Jill Biden", "Person"), ("Biden", "Person"));

        Assert.Equal("person:biden", linked[2].Canonical!.Id);
    }

    [Fact]
    public void Unlisted_entities_get_an_id_from_their_text_that_folds_case_accents_and_article()
    {
        // Åmål, a town too small for the GeoNames data.
        var linked = Link("Åmål and AMAL and the Mekong River Commission.",
            ("Åmål", "Location"), ("AMAL", "Location"), ("the Mekong River Commission", "Organization"));

        Assert.Equal(["location:amal", "location:amal", "organization:mekong-river-commission"], linked.Select(m => m.Canonical!.Id));
        Assert.Equal("Mekong River Commission", linked[2].Canonical!.Name);
    }

    [Fact]
    public void A_city_links_to_one_GeoNames_id_whatever_language_or_transliteration_names_it()
    {
        var linked = Link("Kiev, Kyiv, Kiew and Kyjiw; The Hague, Den Haag and La Haye; Munich, München and Monaco di Baviera.",
            ("Kiev", "Location"), ("Kyiv", "Location"), ("Kiew", "Location"), ("Kyjiw", "Location"),
            ("The Hague", "Location"), ("Den Haag", "Location"), ("La Haye", "Location"),
            ("Munich", "Location"), ("München", "Location"), ("Monaco di Baviera", "Location"));

        Assert.Equal(["geonames:703448"], linked.Take(4).Select(m => m.Canonical!.Id).Distinct());
        Assert.Equal(["geonames:2747373"], linked.Skip(4).Take(3).Select(m => m.Canonical!.Id).Distinct());
        Assert.Equal(["geonames:2867714"], linked.Skip(7).Select(m => m.Canonical!.Id).Distinct());
        Assert.Equal("Kyiv", linked[0].Canonical!.Name);
        Assert.Equal(EntityCanonicalizer.GeoNamesSource, linked[0].Canonical!.Source);
    }

    [Fact]
    public void Only_a_location_is_a_place_and_a_country_wins_over_a_city_of_its_name()
    {
        var linked = Link("Florence Smith flew to Florence, then to Georgia and Mexico.",
            ("Florence Smith", "Person"), ("Florence", "Location"), ("Georgia", "Location"), ("Mexico", "Location"));

        Assert.Equal(["person:florence-smith", "geonames:3176959", "iso3166:GE", "iso3166:MX"], linked.Select(m => m.Canonical!.Id));
        Assert.Equal("organization:paris", Link("Paris signed.", ("Paris", "Organization"))[0].Canonical!.Id);
    }

    [Fact]
    public void A_name_places_share_goes_to_the_place_it_mainly_names_then_to_the_largest_and_a_common_word_to_none()
    {
        var linked = Link("Santiago, Manchester, Nice and Nizza.",
            ("Santiago", "Location"), ("Manchester", "Location"), ("Nice", "Location"), ("Nizza", "Location"));

        // Santiago de Chile, not Santiago de Cuba; Manchester, England, not Richmond, Virginia, which GeoNames also lists as
        // "Manchester"; "Nice" is an English word, so only the French city's other names link it.
        Assert.Equal(["geonames:3871336", "geonames:2643123", "location:nice", "geonames:2990440"], linked.Select(m => m.Canonical!.Id));
    }

    [Fact]
    public void Categories_the_summary_does_not_count_are_not_linked()
    {
        var linked = Link("On Monday 5 people met in the US.", ("Monday", "DateTime"), ("5", "Quantity"), ("US", "Location"));

        Assert.Null(linked[0].Canonical);
        Assert.Null(linked[1].Canonical);
        Assert.Equal("iso3166:US", linked[2].Canonical!.Id);
    }
}
