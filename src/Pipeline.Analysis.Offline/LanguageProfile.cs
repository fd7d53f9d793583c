using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Pipeline.Analysis.Text;

namespace Pipeline.Analysis.Offline;

/// <summary>
/// What the shared entity and sentiment rules need to know about one language: its cue words (titles, prepositions
/// before places, articles, organisation forms, speech verbs), its ordinary words (to tell a capitalised common word
/// from a name), places by their local names, and its sentiment lexicon with negators, intensifiers and contrast words.
/// The hand lists live in Data/lang-&lt;iso&gt;.tsv, the generated ones in words-, sentiment- and places-local files
/// (tools/offline-data/build-languages.mjs). Each language is read the first time a text in it is analysed.
/// </summary>
internal sealed class LanguageProfile
{
    private static readonly ConcurrentDictionary<string, Lazy<LanguageProfile?>> Loaded = new(StringComparer.Ordinal);

    /// <summary>Places by local names ("München", "Lisboa"), shared by the non-English profiles and read once.</summary>
    private static readonly Lazy<PhraseTrie> LocalPlaces = new(LoadLocalPlaces, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// What the six non-English profiles share and build once per data set: the first names of every language but English
    /// (tens of thousands) and the towns clubs are named by.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<OfflineData, SharedLists> Shared = new();

    private sealed record SharedLists(WordSet FirstNames, WordSet FirstNamesWithoutAccents, WordSet ClubTowns, WordSet ClubRegions, WordSet ClubForms, WordSet HyphenedPlaceHeads);

    private static SharedLists SharedFor(OfflineData data) => Shared.GetValue(data, d =>
    {
        var names = new WordSet(d.FirstNames.Concat(OfflineData.ReadLines("first-names-local.txt")), StringComparer.Ordinal);
        return new SharedLists(names, new WordSet(names.Select(WithoutAccents), StringComparer.Ordinal), ClubTowns(d, regions: false), ClubTowns(d, regions: true), ListedClubForms(), ListedHyphenedPlaceHeads());
    });

    /// <summary>
    /// The town in each listed sports club's name, its form ("SSC", "FC", "1.") left out. A town that is also a region
    /// ("SS Lazio", "SC Braga") is left out, since a region takes an article of its own ("nel Lazio"); with
    /// <paramref name="regions"/>, only those are kept.
    /// </summary>
    private static WordSet ClubTowns(OfflineData data, bool regions)
    {
        var towns = new WordSet(StringComparer.Ordinal);
        foreach (var club in ListedClubs())
        {
            var own = club.Split(' ').Where(w => !(w.Length <= 4 && w.All(c => char.IsUpper(c) || char.IsDigit(c) || c == '.'))).ToArray();
            if (own.Length == 1 && data.RegionNames.Contains(own[0]) == regions) towns.Add(own[0]);
        }
        return towns;
    }

    /// <summary>The short forms listed sports clubs carry ("FC", "SC", "RCD").</summary>
    private static WordSet ListedClubForms() =>
        new(ListedClubs().SelectMany(club => club.Split(' ')).Where(w => w.Length is >= 2 and <= 4 && w.All(char.IsAsciiLetterUpper)), StringComparer.Ordinal);

    /// <summary>The names of the sports clubs the organisation lists hold.</summary>
    private static IEnumerable<string> ListedClubs() =>
        ((string[])["organizations.tsv", "organizations-known.tsv", "organizations-local.tsv"])
            .SelectMany(OfflineData.ReadLines).Select(l => l.Split('\t')).Where(f => f.Length >= 2 && f[1] == "Sports").Select(f => f[0]);

    /// <summary>The first parts of listed places' hyphenated names ("Haute" of "Haute-Savoie", "Nord" of "Nord-Brabant").</summary>
    private static WordSet ListedHyphenedPlaceHeads()
    {
        var heads = new WordSet(StringComparer.Ordinal);
        foreach (var file in (string[])["places.tsv", "places-local.tsv", "places-curated.tsv"])
            foreach (var line in OfflineData.ReadLines(file))
            {
                int tab = line.IndexOf('\t'), hyphen = line.IndexOf('-');
                if (hyphen > 0 && (tab < 0 || hyphen < tab) && line.AsSpan(0, hyphen).IndexOf(' ') < 0) heads.Add(line[..hyphen]);
            }
        return heads;
    }

    /// <summary>
    /// "Hydro-Québec", "Radio-Canada", "Loto-Québec": a word hyphened before a listed place, neither a first name
    /// ("Marie-France") nor a word any listed place's name starts with ("Haute-Meuse"), names a body of that place.
    /// </summary>
    public bool IsBodyOfPlaceCompound(ReadOnlySpan<char> word)
    {
        int hyphen = word.IndexOf('-');
        if (IsEnglish || hyphen < 3 || hyphen != word.LastIndexOf('-') || hyphen + 3 > word.Length || !char.IsUpper(word[0]) || !char.IsUpper(word[hyphen + 1])) return false;
        var head = word[..hyphen];
        if (IsFirstName(head) || IsPlaceName(head) || HyphenedPlaceHeads.Contains(head)) return false;
        return IsPlaceName(word[(hyphen + 1)..]);
    }

    public static readonly string[] Supported = ["en", "de", "fr", "es", "it", "nl", "pt"];

    /// <summary>The profile of a language, or null when the analyzer has none (the caller falls back to names and numbers).</summary>
    public static LanguageProfile? For(string iso) =>
        Array.IndexOf(Supported, iso) < 0 ? null
            : Loaded.GetOrAdd(iso, l => new Lazy<LanguageProfile?>(() => Load(l, OfflineData.Instance), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    public string Language { get; private init; } = "";
    public bool IsEnglish => Language == "en";

    /// <summary>German writes its nouns capitalised: a capitalised ordinary word is no evidence of a name there.</summary>
    public bool NounsCapitalised { get; private init; }

    /// <summary>Whether a place takes "-s" in the genitive ("Hamburgs", "Deutschlands"), which is then still the place.</summary>
    private bool GenitivePlaces { get; init; }

    /// <summary>
    /// "Hamburgs", "Bayerns": a listed place in the genitive, where the language makes one with "-s",
    /// unless the word is an ordinary word of the language ("des Zugs" is the train's, not Zug's).
    /// </summary>
    public bool TryGenitivePlace(ReadOnlySpan<char> word, out PhraseEntry entry)
    {
        entry = null!;
        if (!GenitivePlaces || word.Length < 4 || word[^1] != 's' || word[^2] == 's' || !char.IsUpper(word[0]) || IsListed(word))
            return false;
        return TryListedWord(word[..^1], out entry) && entry.Category == EntityCategories.Location;
    }

    /// <summary>
    /// "Allgäuer", "Oberbergischer", "Sächsische": a place's adjective, which before a region's head
    /// (<see cref="RegionHeads"/>) names the region ("Allgäuer Alpen"). An "-er" word must be no ordinary word or be
    /// made of a place's name ("Mecklenburger").
    /// </summary>
    public bool IsRegionAdjective(ReadOnlySpan<char> word) =>
        word.Length > 4 && char.IsUpper(word[0])
        && (word.EndsWith("ische", StringComparison.Ordinal) || word.EndsWith("ischen", StringComparison.Ordinal) || word.EndsWith("ischer", StringComparison.Ordinal)
            || word.EndsWith("er", StringComparison.Ordinal) && (!IsCommon(word) || IsPlaceName(word[..^2])));

    /// <summary>"Berner", "Luzerner": a town's adjective, though the dictionary lists it as the noun for its people.</summary>
    private bool IsTownAdjective(ReadOnlySpan<char> word) =>
        word.EndsWith("er", StringComparison.Ordinal) && (IsPlaceName(word[..^2]) || IsPlaceName(string.Concat(word[..^2], "en")));

    private bool IsPlaceName(ReadOnlySpan<char> word) => TryListedWord(word, out var place) && place.Category == EntityCategories.Location;

    /// <summary>Words after a place that name a part of it, its station or its exit ("Nord", "Centraal", "Alta"), capitalised.</summary>
    public WordSet PlaceQualifiers { get; private init; } = [];

    /// <summary>The links inside a town's name ("de los", "do"), as word sequences, longest first.</summary>
    public string[][] TownLinks { get; private init; } = [];

    /// <summary>Indefinite articles and their negations ("einen", "een", "kein"), after which a compound is an ordinary noun ("einen Forstweg").</summary>
    private WordSet IndefiniteArticles { get; init; } = [];

    public bool AfterIndefiniteArticle(string text, List<Token> tokens, int i) =>
        i > 0 && tokens[i - 1].Kind == TokenKind.Word && IndefiniteArticles.Contains(text.AsSpan(tokens[i - 1].Start, tokens[i - 1].Length));

    /// <summary>Points of the compass and heights a place's name may open with (German "Ost", "Ober"; Dutch "Oost-", French "Haut-"), as a list key.</summary>
    private string[] PlaceDirections { get; init; } = [];

    /// <summary>"Ostwestfalen", "Opper-Oostenrijk", "Haut-Valais": a listed place's name behind a point of the compass or a height is a place, written as one word.</summary>
    public bool IsDirectionalPlace(ReadOnlySpan<char> word)
    {
        foreach (var direction in PlaceDirections)
        {
            if (word.Length < direction.Length + 4 || !word.StartsWith(direction, StringComparison.Ordinal)) continue;
            Span<char> rest = stackalloc char[word.Length - direction.Length];
            word[direction.Length..].CopyTo(rest);
            rest[0] = char.ToUpperInvariant(rest[0]);
            return !IsListed(word) && IsPlaceName(rest);
        }
        return false;
    }

    /// <summary>
    /// "Hohenlohekreis", "Bodenseekreises", "Erzgebirgskreis", "Schwarzwald-Baar-Kreis": a district named by a compound whose
    /// own part is a listed place (joined by "s", for which a last "e" goes) or no ordinary word ("Wahlkreis" is none), also
    /// in the genitive.
    /// </summary>
    public bool IsDistrictCompound(ReadOnlySpan<char> word)
    {
        if (word.EndsWith("kreises", StringComparison.OrdinalIgnoreCase)) word = word[..^2];
        int district = word.EndsWith("-Kreis", StringComparison.Ordinal) ? 6 : word.EndsWith("kreis", StringComparison.Ordinal) ? 5 : 0;
        if (district == 0 || word.Length < district + 4 || !char.IsUpper(word[0])) return false;
        var own = word[..^district];
        if (IsPlaceName(own) || own[^1] == 's' && (IsPlaceName(own[..^1]) || IsPlaceName(string.Concat(own[..^1], "e")))) return true;
        return !IsCommon(own) && !(own[^1] == 's' && IsCommon(own[..^1]));
    }

    /// <summary>Titles and roles written in lower case before a name ("le président Macron"), as Romance languages do.</summary>
    public bool LowercaseTitles { get; private init; }

    /// <summary>Books, films and albums titled in sentence case ("La Maison vide", "O agente secreto"), as Romance languages do.</summary>
    public bool SentenceCaseWorks { get; private init; }

    public WordSet CommonWords { get; private init; } = null!;
    public WordSet FirstNames { get; private init; } = null!;
    public PhraseTrie Titles { get; private init; } = null!;
    public PhraseTrie PersonTypes { get; private init; } = null!;
    public PhraseTrie? LocalNames { get; private init; }
    /// <summary>The shared gazetteer, for names inside compounds ("Ajax-trainer").</summary>
    private PhraseTrie SharedNames { get; init; } = null!;
    public WordSet OrganizationWords { get; private init; } = null!;
    public WordSet OrganizationPrefixes { get; private init; } = null!;
    public WordSet OrganizationFirstWords { get; private init; } = null!;
    public WordSet Demonyms { get; private init; } = null!;

    /// <summary>The language's own institution heads ("Ministerio", "Corte", "Regione"), without the English list.</summary>
    public WordSet OrganizationHeads { get; private init; } = null!;

    /// <summary>Institution words that alone name a kind, not an institution ("el Gobierno", "l'hôpital", "die Landesregierung"): no entity on their own.</summary>
    public WordSet GenericHeads { get; private init; } = [];

    /// <summary>First words of named structures and features ("Palazzo", "Plaza", "Stade").</summary>
    public WordSet PlacePrefixes { get; private init; } = null!;
    /// <summary>Lower-case words of streets, squares and stadiums that are part of their name ("place", "piazza", "estadio").</summary>
    public WordSet StreetWords { get; private init; } = [];
    /// <summary>
    /// Street words of streets and squares, which are named after anything, towns and countries included, so that "plaza de
    /// Catalunya" and "rue de Rome" are one place; a stadium, a bridge or an airport "de" a town is the town's ("aéroport de Brest").
    /// </summary>
    public WordSet ThoroughfareWords { get; private init; } = [];

    /// <summary>Lower-case words for a natural feature that is named through "de" ("baie de Douarnenez", "barranco del Poyo").</summary>
    public WordSet FeatureWords { get; private init; } = [];

    /// <summary>
    /// Lower-case words for a natural feature whose name after "de" is a place, the word staying outside it as the press
    /// of that language writes it ("ría de [Arousa]", "laguna de [Santa Olalla]").
    /// </summary>
    public WordSet FeatureCues { get; private init; } = [];

    /// <summary>A body with seats in several towns, named with the word before each town ("Université du Québec à" Rimouski).</summary>
    public WordSet CampusHeads { get; private init; } = [];

    /// <summary>Heads of bodies that others belong to ("Universidad", "Istituto"): one after a body's link that carries an article opens a body of its own.</summary>
    public WordSet ParentHeads { get; private init; } = [];

    /// <summary>The letters of the country's numbered roads ("A", "B" in German; "IC", "IP" in Portuguese).</summary>
    public WordSet RoadPrefixes { get; private init; } = [];

    /// <summary>Lower-case words for a road, before its number ("carretera", "strada", "route").</summary>
    public WordSet RoadWords { get; private init; } = [];

    /// <summary>Whether a lone unknown name inside a sentence is taken for a place (key lone-names-places; measured per language).</summary>
    public bool LoneNamesArePlaces { get; private init; }

    /// <summary>
    /// Whether a short unknown name inside a sentence is taken for a body's short form ("l'Atac", "a Cemig"; key
    /// short-names-bodies; measured per language: the French and Dutch press name small places and rivers so as often).
    /// </summary>
    public bool ShortNamesAreBodies { get; private init; }

    /// <summary>
    /// Whether an institution named by a listed body or by a lower-case field keeps the town or area after it in its name
    /// ("Crédit Agricole des Savoie", "Conseil des arts et des lettres du Québec"; key bodies-keep-their-place: the French
    /// press, measured on the dev sets), where Italian names the city apart ("Istituto italiano di tecnologia di Genova").
    /// </summary>
    public bool BodiesKeepTheirPlace { get; private init; }

    /// <summary>Lower-case kinds of place before a name ("el río Guadalete", "la comarca del Besaya", "o bairro da Graça").</summary>
    public WordSet PlaceKinds { get; private init; } = [];

    /// <summary>Words that number an institution inside its name ("Juzgado de Instrucción número 2"; key name-numbers).</summary>
    public WordSet NameNumbers { get; private init; } = [];

    /// <summary>Bodies named by a number after their name: a département's ("SDIS 73"), a channel's ("Rai 5"; key numbered-bodies).</summary>
    public WordSet NumberedBodies { get; private init; } = [];

    /// <summary>Works and sites ("planta", "stabilimento", "usine") whose place is named after them through "de" (key site-words).</summary>
    public WordSet SiteWords { get; private init; } = [];

    /// <summary>Heads of German regions named by a place's adjective ("Land", "Alpen", "Bucht": "Berchtesgadener Land").</summary>
    public WordSet RegionHeads { get; private init; } = [];

    /// <summary>Ordinary nouns written as acronyms ("PIB", "ADN", "LNG"): no organisation however capitalised.</summary>
    public WordSet CommonAcronyms { get; private init; } = [];

    /// <summary>Lower-case heads of courts, prosecutors' offices, police forces and universities named by their seat ("tribunal correctionnel de Paris", "police judiciaire de Lille", "université de Lausanne").</summary>
    public WordSet CourtWords { get; private init; } = [];

    /// <summary>The lower-case word for a ministry, which the press writes before the capitalised field it is named by ("le ministère des Transports").</summary>
    public WordSet MinistryWords { get; private init; } = [];
    /// <summary>Lower-case words that join the parts of a hyphenated place name ("sur" in "Sablé-sur-Sarthe", "et" in "Maine-et-Loire").</summary>
    private WordSet CompoundPlaceLinks { get; init; } = [];
    /// <summary>Saints whose name opens a hyphenated place name ("Saint-Martin-Vésubie").</summary>
    private WordSet CompoundPlaceHeads { get; init; } = [];
    /// <summary>Street words for airports, whose name after a person stands on its own ("aeroporto [Humberto Delgado]").</summary>
    public WordSet AirportWords { get; private init; } = [];

    /// <summary>Articles, contracted with a preposition or not, that news never writes before a person's name ("im", "het", "pelo").</summary>
    public WordSet ImpersonalArticles { get; private init; } = [];

    /// <summary>Lower-case words for a hospital, after which a name is the hospital's ("ospedale", "hôpital", "ziekenhuis").</summary>
    public WordSet HospitalWords { get; private init; } = [];

    /// <summary>Words for an arena or a stadium, which make the name before them a venue's ("Abe Lenstra Stadion", "Roig Arena").</summary>
    public WordSet VenueWords { get; private init; } = [];

    /// <summary>Last words of named structures ("Potsdamer Platz", "Allianz Arena"), which stay names after a capitalised word.</summary>
    public WordSet PlaceSuffixes { get; private init; } = null!;

    /// <summary>
    /// In English only: the other profiles' place prefixes and suffixes and institution heads ("Plaza", "Stadion",
    /// "Junta"), because English news names foreign streets, stadiums and bodies in their own language.
    /// </summary>
    public WordSet ForeignPlacePrefixes { get; private init; } = [];
    public WordSet ForeignPlaceSuffixes { get; private init; } = [];
    public WordSet ForeignOrganizationHeads { get; private init; } = [];

    /// <summary>Lower-case words after a quoted name that make it an event ("the “Noches de Flamenco” festival").</summary>
    public WordSet EventNouns { get; private init; } = null!;

    /// <summary>Words for a work before its title ("das Gemälde", "le film", "het schilderij").</summary>
    public WordSet WorkWords { get; private init; } = null!;

    /// <summary>
    /// Articles that the press puts before a company's or a body's bare name ("a Embraer", "la Lav"); in other languages
    /// an article before an unknown name as often opens a river's or a region's ("la Mauricie", "il Bisagno").
    /// </summary>
    public WordSet BodyArticles { get; private init; } = null!;

    /// <summary>Masculine articles, alone or joined to a preposition, that stand before a venue named after a person ("el Santiago Bernabéu").</summary>
    public WordSet VenueArticles { get; private init; } = null!;

    /// <summary>Words that name the kind of the organisation right after them ("the company Aurora Orbital"), stronger than a first name.</summary>
    public WordSet OrganizationKinds { get; private init; } = null!;

    private WordEndings OrganizationKindEndings { get; init; } = null!;

    /// <summary>
    /// A word for a kind of organisation; where nouns are capitalised also a compound ending in one
    /// ("Frachtfluggesellschaft", "Regionaltageszeitung").
    /// </summary>
    public bool IsOrganizationKind(ReadOnlySpan<char> word) =>
        OrganizationKinds.Contains(word) || NounsCapitalised && OrganizationKindEndings.EndsAfterStem(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a word is a place by its local name ("Lyon"), whatever the text's language.</summary>
    public static bool IsLocalPlace(string text, List<Token> tokens, int start, int end) =>
        LocalPlaces.Value.TryMatch(text, tokens, start, end, out int length, out var entry) && length == end - start && entry.Category == EntityCategories.Location;

    /// <summary>The words dates and quantities are read by.</summary>
    public NumericVocabulary Numbers { get; private init; } = null!;

    public WordSet Connectors { get; private init; } = null!;
    public WordSet NameParticles { get; private init; } = null!;
    /// <summary>The same particles in any case: a sentence's start capitalises them ("Van Weel", "Le Pen").</summary>
    public WordSet NameParticlesAnyCase { get; private init; } = null!;
    public WordSet SpeechVerbs { get; private init; } = null!;
    /// <summary>Words that put a source's name after them ("laut", "selon", "según").</summary>
    public WordSet AccordingTo { get; private init; } = null!;
    public WordSet PlacePrepositions { get; private init; } = null!;
    public WordSet Honorifics { get; private init; } = null!;
    /// <summary>
    /// Titles that stay in the person's name ("Pope Francis", "King Charles"): only English has them; the other languages'
    /// annotation rules keep every title outside the name ("Koning [Willem-Alexander]", "Papa [Leone XIV]").
    /// </summary>
    public WordSet NameTitles { get; private init; } = null!;
    public WordSet Articles { get; private init; } = null!;
    /// <summary>"of"/"for" in the language: inside an organisation after its head word, between two names otherwise.</summary>
    public WordSet Of { get; private init; } = null!;
    public WordSet ForWords { get; private init; } = null!;
    /// <summary>Words joining an organisation's head to its complement ("Bank of", "Ministerio de", "Ministério da").</summary>
    public WordSet OrganizationLinks { get; private init; } = null!;
    /// <summary>A particle that, after a first name and a surname, says where the person belongs (Dutch "van", German "von").</summary>
    public WordSet AffiliationLinks { get; private init; } = null!;
    /// <summary>Words that open an event's name ("Festival" in "Festival de Cannes").</summary>
    public WordSet EventHeads { get; private init; } = null!;
    public WordSet And { get; private init; } = null!;
    public WordSet Or { get; private init; } = null!;
    /// <summary>Lower-case words after a name that make it a political or civic organisation ("the Morena party").</summary>
    public WordSet PartyWords { get; private init; } = null!;
    private WordSet OrganizationDescriptors { get; init; } = null!;

    /// <summary>Endings of compound descriptors ("Chemiekonzern", "Dax-Konzern", "Supermarktkette"), lower case.</summary>
    private WordEndings OrganizationDescriptorEndings { get; init; } = new([]);

    /// <summary>A word that says an organisation's name follows ("the company", "der Autozulieferer", "der Softwarehersteller").</summary>
    public bool IsOrganizationDescriptor(ReadOnlySpan<char> word)
    {
        return OrganizationDescriptors.Contains(word)
            || OrganizationDescriptorEndings.EndsAfterStem(word, StringComparison.OrdinalIgnoreCase) || OrganizationDescriptorEndings.IsOne(word);
    }

    public WordSet OrganizationNouns { get; private init; } = null!;
    public WordSet OrganizationRoles { get; private init; } = null!;
    public WordSet Staff { get; private init; } = null!;
    public WordSet PlaysFor { get; private init; } = null!;

    /// <summary>Elided articles and prepositions glued to the next word ("l'", "dell'", "d'"), split off before recognition.</summary>
    private string[] Elisions { get; init; } = [];

    /// <summary>Endings of compound organisation names ("-gesellschaft", "-museum"), lower case.</summary>
    private WordEndings OrganizationEndings { get; init; } = new([]);

    /// <summary>Endings of compound structures' names ("-brücke", "-stadion", "-kathedraal"), lower case.</summary>
    private WordEndings PlaceEndings { get; init; } = new([]);

    /// <summary>Endings of <see cref="PlaceEndings"/> no ordinary word has, only names ("-ferner", a glacier's).</summary>
    private WordSet NameOnlyEndings { get; init; } = [];

    /// <summary>Endings of compound street names ("-straße", "-gasse", "-straat", "-laan"), lower case.</summary>
    private WordEndings StreetEndings { get; init; } = new([]);

    /// <summary>
    /// A compound that ends in a structure's head after a name: the name of one ("Carolabrücke", "Sint-Baafskathedraal",
    /// "Breydelstadion" after "Jan", the word before it), where "Fußballstadion" and "Autobahnbrücke" are ordinary words.
    /// </summary>
    public bool IsNamedStructure(ReadOnlySpan<char> word, ReadOnlySpan<char> before = default)
    {
        // "Goethestraße", "Kikbeekstraat": a street's compound names the street whatever its first part, unless the
        // dictionary lists the whole as an ordinary noun ("winkelstraat"), it is a kind of road ("Kantonsstrasse"), or a
        // German noun joined by "-s" opens it ("Einkaufsstraße"). A town's main street is named so ("Hauptstraße").
        if (StreetEndings.EndingOf(word, StringComparison.Ordinal) is { } street)
        {
            var named = word[..^street.Length];
            return char.IsUpper(word[0]) && (!IsListedNoun(word) || named is "Haupt") && !RoadWords.Contains(word)
                && !(NounsCapitalised && named[^1] == 's' && IsListedInAnyForm(named[..^1]) && !IsFirstName(named[..^1]));
        }
        if (PlaceEndings.EndingOf(word, StringComparison.Ordinal) is not { } ending) return false;
        var stem = word[..^ending.Length];
        // "Hintereisferner": an ending only names take ends a name, whatever words its first part holds.
        if (NameOnlyEndings.Contains(ending) && stem.Length >= 3 && char.IsUpper(word[0])) return true;
        return char.IsUpper(word[0]) && !IsListedNoun(word) && !IsCommon(stem) && !IsListedNoun(stem)
            && (stem.Contains('-') || IsFirstName(stem) || LocalNames?.TryMatchWord(stem, out _) == true || !before.IsEmpty && IsFirstName(before)
                // "Koralmtunnel": a German stem the dictionary lists in no form is a name ("Kirchturm", "Fußballstadion" are
                // made of "Kirche" and "Fußballer"'s stem).
                || NounsCapitalised && stem.Length >= 4 && !HasListedNounTail(stem) && !IsListedInAnyForm(stem)
                // "Arnulfsplatz", "Wörthersee": a first name in the genitive, a town's adjective.
                || NounsCapitalised && stem.Length > 4 && (stem.EndsWith('s') && IsFirstName(stem[..^1])
                    || stem.EndsWith("er", StringComparison.Ordinal) && LocalNames?.TryMatchWord(stem[..^2], out _) == true));
    }

    /// <summary>
    /// "Max-Planck-Institut", "Robert-Koch-Instituts", "Fritz-Walter-Stadion": a hyphenated compound of names before an
    /// organisation's or a structure's head is the name of one (Organization or Location), where "Ampel-Koalition", of
    /// ordinary words, is none.
    /// </summary>
    public string? NamedCompound(ReadOnlySpan<char> word)
    {
        int hyphen = word.LastIndexOf('-');
        if (hyphen <= 0 || hyphen >= word.Length - 3 || !char.IsUpper(word[0]) || !char.IsUpper(word[hyphen + 1])) return null;
        var head = word[(hyphen + 1)..];
        var names = word[..hyphen];
        int dash = names.IndexOf('-');
        var first = dash > 0 ? names[..dash] : names;
        if (IsCommon(first.ToString()) && !IsFirstName(first)) return null;
        if (PlaceSuffixes.Contains(head)) return EntityCategories.Location;
        return OrganizationEndings.IsOne(head) || OrganizationWords.Contains(head) ? EntityCategories.Organization : null;
    }

    /// <summary>Endings of compound roles ("-leiterin", "-sprecher"), lower case.</summary>
    private WordEndings TitleSuffixes { get; init; } = new([]);

    /// <summary>Inflection endings, longest first, tried when a word is not listed as it is written.</summary>
    private string[] Suffixes { get; init; } = [];

    /// <summary>Null for English, whose sentiment rules have their own VADER sets.</summary>
    public Dictionary<string, double>? Valence { get; private set; }
    public PhraseTrie? ValencePhrases { get; private set; }
    public Dictionary<string, double>? Boosters { get; private set; }
    public WordSet? Negators { get; private set; }
    public WordSet? Contrasts { get; private set; }
    /// <summary>Negators that say nobody or nothing ("niemand", "nadie", "aucun"): what they deny of a harm is good news.</summary>
    public WordSet NoneWords { get; private set; } = [];
    /// <summary>Words after "none" that make it the subject of a clause ("ninguno de los pasajeros", "geen van de werknemers"): it denies the predicate.</summary>
    public WordSet Partitives { get; private set; } = [];
    /// <summary>Articles, alone or joined to a preposition, before a club that goes by its town's name ("il Napoli", "del Sevilla").</summary>
    public WordSet ClubArticles { get; private set; } = [];

    /// <summary>Towns whose name alone is also a listed club's ("SSC Napoli", "AS Roma", "Sevilla FC"), where <see cref="ClubArticles"/> apply.</summary>
    public WordSet ClubPlaces { get; private set; } = [];

    /// <summary>Articles before which a region that names a listed club is the club too ("o Braga"; key club-region-articles).</summary>
    public WordSet ClubRegionArticles { get; private set; } = [];

    /// <summary>Regions whose name alone is also a listed club's ("SC Braga", "EC Bahia"), where <see cref="ClubRegionArticles"/> apply.</summary>
    public WordSet ClubRegions { get; private set; } = [];

    /// <summary>The short forms of sports clubs' names ("FC Twente", "Lausanne HC"): the listed clubs', and the language's (key club-forms).</summary>
    public WordSet ClubForms { get; private set; } = [];

    /// <summary>The first parts of listed places' hyphenated names, which open a place's name, not a body's ("Haute-Meuse").</summary>
    private WordSet HyphenedPlaceHeads { get; set; } = [];

    /// <summary>Verbs of being that make a negator deny that a thing exists ("no hubo víctimas", "non ci sono feriti", "il n'y a pas eu").</summary>
    public WordSet Existentials { get; private set; } = [];
    /// <summary>Verbs of prevention ("verhindert", "évité", "scongiurato", "afgewend"): the harm they avert is good news, unless they are negated.</summary>
    public WordSet Averters { get; private set; } = [];
    /// <summary>"trotz", "malgré", "apesar", "ondanks": the clause they open is conceded, the rest of the sentence is the point.</summary>
    public WordSet? Concessives { get; private set; }
    /// <summary>"nach", "après", "dopo": before a span of time (<see cref="TimeSpans"/>), what was lived through before the news.</summary>
    public WordSet AfterWords { get; private set; } = [];
    /// <summary>Spans of time a hardship lasts ("Jahren", "années", "anni", "jarenlange").</summary>
    public WordSet TimeSpans { get; private set; } = [];
    /// <summary>Adjectives of size and strength that strengthen a bad word after them instead of praising ("forte perdita", "hohe Verluste").</summary>
    public WordSet? AdjectiveIntensifiers { get; private set; }
    /// <summary>Verbs of decline, which make the bad thing they are said of good news ("unemployment fell").</summary>
    public WordSet? Decreases { get; private set; }
    /// <summary>Verbs and nouns of rise ("se dispararon", "verdoppelt", "aumento"), which carry no valence of their own.</summary>
    public WordSet? Increases { get; private set; }
    /// <summary>Finite parts of separable verbs of rise (false) or decline (true), with the particle that completes each ("nam" … "toe").</summary>
    private Dictionary<string, (string Particle, bool Decline)[]> SeparableChanges { get; set; } = [];

    /// <summary>
    /// Whether the word at <paramref name="verb"/> is a separable verb of decline (true) or rise (false) whose particle is
    /// the clause's last word ("het aantal toeristen nam toe", "der Absatz ging im Herbst zurück"); null otherwise.
    /// </summary>
    public bool? SeparableChange(string text, List<Token> tokens, int verb, int end)
    {
        if (SeparableChanges.Count == 0 || !SeparableChanges.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text.AsSpan(tokens[verb].Start, tokens[verb].Length), out var particles)) return null;
        int last = end - 1;
        while (last > verb && tokens[last].Kind != TokenKind.Word) last--;
        if (last == verb) return null;
        var word = text.AsSpan(tokens[last].Start, tokens[last].Length);
        foreach (var (particle, decline) in particles)
            if (word.Equals(particle, StringComparison.OrdinalIgnoreCase)) return decline;
        return null;
    }

    /// <summary>Whether the word is the finite part of a separable verb of rise or decline (<see cref="SeparableChange"/> asks about it first).</summary>
    public bool IsSeparableChangeVerb(ReadOnlySpan<char> word) => SeparableChanges.Count > 0 && SeparableChanges.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(word);

    /// <summary>Quantities whose rise is good news, +1 (sales, jobs, bookings), or bad news, -1 (prices, unemployment, deaths).</summary>
    private Dictionary<string, int> RisingNews { get; set; } = [];
    /// <summary>"so", "aussi", "tão": after a negator they compare ("never so strong"), they do not negate.</summary>
    public WordSet? Comparatives { get; private set; }
    /// <summary>"jamás", "mai": after a superlative ("el mayor jamás registrado") they mean "ever", they do not negate.</summary>
    public WordSet EverWords { get; private set; } = [];
    /// <summary>"mayor", "più", "plus": superlatives before "ever".</summary>
    public WordSet Superlatives { get; private set; } = [];
    /// <summary>Verbs of commenting ("äußern", "reageren", "comentar"): declined, their object is no news.</summary>
    public WordSet CommentVerbs { get; private set; } = [];
    /// <summary>"que", "qui", "che": a relative pronoun, whose verb's subject is the noun before it.</summary>
    public WordSet Relatives { get; private set; } = [];

    /// <summary>Compounds (German, Dutch) take the valence of their last part: "Stellenabbau" of "abbau".</summary>
    private bool Compounds { get; init; }

    /// <summary>
    /// "Vogelbescherming Nederland", "Téléfilm Canada", "Latteria Soresina": where nouns are written in lower case, an
    /// ordinary word capitalised inside a sentence is a name's word. Two letters are too few to tell: "O Porriño" and
    /// "Es Mercadal" open with another language's article.
    /// </summary>
    public bool IsNameByCapital(ReadOnlySpan<char> word) => !NounsCapitalised && word.Length > 2 && char.IsUpper(word[0]) && IsCommon(word);

    /// <summary>
    /// German nouns as the dictionary writes them (capitalised), matched case-sensitively, with the profile's own "nouns":
    /// ordinary words the generated list leaves out because a place elsewhere has the same spelling ("bis Ende 2027").
    /// </summary>
    private WordSet Nouns { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Words after which a capitalised ordinary word is a noun, not a name ("das Land Brandenburg", "die Werke").</summary>
    private WordSet Determiners { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Organisation words that name a kind of body, not one body, when they stand alone after a determiner ("die Gewerkschaft").</summary>
    private WordSet GenericOrganizationWords { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Words already found ordinary or not: the rules ask about the same words many times per document.</summary>
    private readonly WordMemo<bool> _commonAnswers = new(StringComparer.Ordinal);

    public bool IsCommon(string word) => IsEnglish ? CommonWords.Contains(word) : IsCommon(word.AsSpan());

    public bool IsCommon(ReadOnlySpan<char> word)
    {
        if (_commonAnswers.TryGet(word, out bool common)) return common;
        common = IsOrdinary(word);
        _commonAnswers.Remember(word, common);
        return common;
    }

    /// <summary>
    /// Whether a capitalised word is an ordinary noun: listed as one (also inflected), or a compound ending in one that
    /// no gazetteer names ("Autozulieferer", but not "Karlsruhe"). Adjectives are not nouns: "Europäischen Union".
    /// </summary>
    private bool IsNoun(string text, List<Token> tokens, int i, ReadOnlySpan<char> word) => NounForm(word) switch
    {
        Noun.Listed => true,
        Noun.CompoundTail => !OfflineData.Instance.Names.TryMatch(text, tokens, i, i + 1, out _, out _),
        _ => false,
    };

    private enum Noun : byte { None, Listed, CompoundTail }

    private readonly WordMemo<Noun> _nounForms = new(StringComparer.Ordinal);

    /// <summary>A listed noun (also inflected), a compound whose tail is one ("Autozulieferer"), or neither.</summary>
    private Noun NounForm(ReadOnlySpan<char> word)
    {
        if (_nounForms.TryGet(word, out var form)) return form;
        // An adjective is no compound, whatever its tail: "Staatlichen" ends in no "Ich".
        form = IsListedNoun(word) ? Noun.Listed
            : HasListedNounTail(word) && !IsCapitalisedAdjective(word) && !(word.Contains('-') && AllHyphenPartsArePlaces(word)) ? Noun.CompoundTail : Noun.None;
        _nounForms.Remember(word, form);
        return form;
    }

    private static readonly string[] StemEndings = ["", "e", "n", "s", "en", "er", "es"];

    /// <summary>Whether the dictionary lists the stem itself or the stem with a common ending ("Kirch" of "Kirche").</summary>
    private bool IsListedInAnyForm(ReadOnlySpan<char> stem)
    {
        Span<char> form = stackalloc char[stem.Length + 2];
        stem.CopyTo(form);
        foreach (var ending in StemEndings)
        {
            ending.CopyTo(form[stem.Length..]);
            if (IsListed(form[..(stem.Length + ending.Length)])) return true;
        }
        return false;
    }

    private bool HasListedNounTail(ReadOnlySpan<char> word)
    {
        Span<char> tail = stackalloc char[Math.Min(word.Length, 64)];
        for (int k = 5; word.Length - k >= 4 && word.Length - k <= tail.Length; k++)
        {
            if (!char.IsLower(word[k])) continue;
            word[k..].CopyTo(tail);
            tail[0] = char.ToUpperInvariant(tail[0]);
            if (IsListedNoun(tail[..(word.Length - k)])) return true;
        }
        return false;
    }

    private bool IsListedNoun(ReadOnlySpan<char> word)
    {
        if (Nouns.Contains(word)) return true;
        foreach (var suffix in Suffixes)
            if (word.Length - suffix.Length >= 3 && word.EndsWith(suffix, StringComparison.Ordinal) && Nouns.Contains(word[..^suffix.Length])) return true;
        return false;
    }

    private bool IsOrdinary(ReadOnlySpan<char> word)
    {
        if (IsListed(word)) return true;
        // "PVV-leider", "Chipmachinemaker": a hyphenated or (in compounding languages) closed compound of an ordinary word.
        int hyphen = word.LastIndexOf('-');
        // "Lindau-Mindelheim", "Allgäu-Oberschwaben": listed places joined by hyphens name the area they share.
        if (hyphen > 0 && AllHyphenPartsArePlaces(word)) return false;
        if (!IsEnglish && hyphen > 0 && word.Length - hyphen > 3 && char.IsLower(word[hyphen + 1])) return IsListed(word[(hyphen + 1)..]);
        if (!Compounds) return false;
        for (int k = 5; word.Length - k >= 4; k++)
            if (char.IsLower(word[k]) && IsListed(word[k..])) return true;
        // "Gemeinderat", "Kreistag": a council named by the area it sits for, whose tail is too short to split on otherwise.
        if (NounsCapitalised)
            foreach (var council in CouncilTails)
                if (word.Length - council.Length >= 4 && word.EndsWith(council, StringComparison.Ordinal) && IsListedInAnyForm(word[..^council.Length])) return true;
        return false;
    }

    private static readonly string[] CouncilTails = ["rat", "rats", "tag", "tags"];

    private bool AllHyphenPartsArePlaces(ReadOnlySpan<char> word)
    {
        foreach (var range in word.Split('-'))
            if (!IsPlaceName(word[range])) return false;
        return true;
    }

    /// <summary>
    /// Dutch endings that open the syllable before them, whose long vowel is then written once ("algemene" of "algemeen",
    /// "provinciale" of "provinciaal"); the dictionary lists the short form only.
    /// </summary>
    private string[] OpenSyllableSuffixes { get; init; } = [];

    private bool IsListedWithLongVowel(ReadOnlySpan<char> stem)
    {
        if (!IsVowel(stem[^2]) || IsVowel(stem[^1])) return false;
        Span<char> doubled = stackalloc char[stem.Length + 1];
        stem.CopyTo(doubled);
        doubled[^1] = stem[^1];
        doubled[^2] = stem[^2];
        return CommonWords.Contains(doubled);
    }

    private static bool IsVowel(char c) => "aeiouAEIOU".Contains(c);

    /// <summary>Word endings that inflection replaces ("infrastrutture" of "infrastruttura"), tried in place of the last letter.</summary>
    private string[] Endings { get; init; } = [];

    private bool IsListed(ReadOnlySpan<char> word)
    {
        if (CommonWords.Contains(word)) return true;
        if (Endings.Length > 0 && word.Length > 4)
        {
            Span<char> stem = stackalloc char[word.Length];
            word.CopyTo(stem);
            foreach (var ending in Endings)
            {
                stem[^1] = ending[0];
                if (CommonWords.Contains(stem)) return true;
            }
        }
        foreach (var suffix in Suffixes)
            if (word.Length - suffix.Length >= 3 && word.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && CommonWords.Contains(word[..^suffix.Length])) return true;
        foreach (var suffix in OpenSyllableSuffixes)
            if (word.Length - suffix.Length >= 3 && word.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && IsListedWithLongVowel(word[..^suffix.Length])) return true;
        return false;
    }

    /// <summary>A title before a name: a listed one, or (in compounding languages) a capitalised compound ending in a role ("Bezirksleiterin").</summary>
    public bool TryTitle(string text, List<Token> tokens, int start, int limit, out int length)
    {
        if (Titles.TryMatch(text, tokens, start, limit, out length, out _)) return true;
        length = 1;
        var t = tokens[start];
        if (TitleSuffixes.IsEmpty || t.Kind != TokenKind.Word || !char.IsUpper(text[t.Start])) return false;
        var word = text.AsSpan(t.Start, t.Length);
        // "Verdi-Chef", "Bayern-Trainer": a title after a hyphen makes the compound one.
        int hyphen = word.LastIndexOf('-');
        return IsTitleWord(hyphen > 0 && hyphen < word.Length - 1 && char.IsUpper(word[hyphen + 1]) ? word[(hyphen + 1)..] : word);
    }

    /// <summary>Words already found to be titles or not: chunking, classifying and the noun pass each ask about the same words.</summary>
    private readonly WordMemo<bool> _titleWords = new(StringComparer.Ordinal);

    /// <summary>A listed title, a compound ending in a role ("Bezirksleiterin") or a role ending as a word of its own ("Topman", "Chef").</summary>
    private bool IsTitleWord(ReadOnlySpan<char> word)
    {
        if (_titleWords.TryGet(word, out bool title)) return title;
        title = Titles.TryMatchWord(word, out _) || TitleSuffixes.EndsAfterStem(word, StringComparison.Ordinal) || TitleSuffixes.IsOne(word);
        _titleWords.Remember(word, title);
        return title;
    }

    /// <summary>The first names with their accents removed ("Luís" finds "Luis"), consulted only for words with a non-ASCII letter.</summary>
    private WordSet FirstNamesWithoutAccents { get; init; } = new(StringComparer.Ordinal);

    /// <summary>A first name; outside English never an article, which the English list has as a name ("La", "El", "De").</summary>
    public bool IsFirstName(ReadOnlySpan<char> word) => IsEnglish ? IsSingleFirstName(word) : !Articles.Contains(word) && (IsSingleFirstName(word) || IsDoubleFirstName(word));

    private bool IsSingleFirstName(ReadOnlySpan<char> word) => FirstNames.Contains(word) || !IsEnglish && !System.Text.Ascii.IsValid(word) && IsFirstNameWithoutAccents(word);

    /// <summary>"Frank-Walter", "Karl-Heinz", "Jean-Luc": two first names joined by a hyphen are one.</summary>
    private bool IsDoubleFirstName(ReadOnlySpan<char> word)
    {
        int hyphen = word.IndexOf('-');
        return hyphen > 1 && hyphen < word.Length - 2 && word[(hyphen + 1)..].IndexOf('-') < 0
            && IsSingleFirstName(word[..hyphen]) && IsSingleFirstName(word[(hyphen + 1)..]);
    }

    private bool IsFirstNameWithoutAccents(ReadOnlySpan<char> word)
    {
        if (word.Length <= 64)
        {
            // Names are Latin letters: folded through the table on the stack, with no normalization or string per lookup.
            Span<char> folded = stackalloc char[word.Length];
            int i = 0;
            for (; i < word.Length && word[i] < LatinWithoutAccents.Length && LatinWithoutAccents[word[i]] != '\0'; i++) folded[i] = LatinWithoutAccents[word[i]];
            if (i == word.Length) return FirstNamesWithoutAccents.Contains(folded);
        }
        return FirstNamesWithoutAccents.Contains(WithoutAccents(word.ToString()));
    }

    /// <summary>
    /// Case kept, combining marks dropped. An ordinal set of these forms rather than a culture comparer that ignores
    /// marks, whose hash goes through ICU collation on every lookup.
    /// </summary>
    private static string WithoutAccents(string word)
    {
        string decomposed = word.Normalize(System.Text.NormalizationForm.FormD);
        var kept = new System.Text.StringBuilder(decomposed.Length);
        foreach (char c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) kept.Append(c);
        return kept.ToString();
    }

    /// <summary>
    /// <see cref="WithoutAccents"/> of each Latin character (to U+024F) that it keeps as one character, '\0' for the others;
    /// built from the same normalization, so the two agree by construction.
    /// </summary>
    private static readonly char[] LatinWithoutAccents = BuildLatinWithoutAccents();

    private static char[] BuildLatinWithoutAccents()
    {
        var table = new char[0x250];
        for (int c = 1; c < table.Length; c++)
            if (char.IsLetter((char)c) && WithoutAccents(((char)c).ToString()) is { Length: 1 } folded) table[c] = folded[0];
        return table;
    }

    /// <summary>A verb or noun of rise or decline: it says which way a quantity went, not whether that is good ("subiu", not "subir").</summary>
    public bool IsChange(ReadOnlySpan<char> word) =>
        Increases!.Contains(word) || Decreases!.Contains(word);

    /// <summary>+1 for a quantity that is good news when it rises, -1 for one that is bad news, 0 otherwise; as written or without an inflection ending.</summary>
    public int RisingDirection(ReadOnlySpan<char> word)
    {
        var lookup = RisingNews.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(word, out int direction)) return direction;
        foreach (var suffix in Suffixes)
            if (word.Length - suffix.Length >= 4 && word.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && lookup.TryGetValue(word[..^suffix.Length], out direction))
                return direction;
        // "Strompreis", "gasprijs", "Masernfälle": a compound is the quantity its last part names.
        for (int k = 3; Compounds && k <= word.Length - 4; k++)
            if (lookup.TryGetValue(word[k..], out direction)) return direction;
        return 0;
    }

    /// <summary>Verb endings and the infinitive's ending they stand for ("despedirá" of "despedir", "migliorato" of "migliorare").</summary>
    private (string Ending, string Infinitive)[] VerbEndings { get; init; } = [];

    /// <summary>A verb form the dictionary knows only by its infinitive ("financera" of "financer"): no word of a name.</summary>
    /// <summary>An ordinary word with an infinitive's ending ("ceder", "reduzir", "ridurre"), which the verb endings lead back to.</summary>
    public bool IsInfinitive(string word)
    {
        foreach (var (_, infinitive) in VerbEndings)
            if (word.Length > infinitive.Length + 2 && word.EndsWith(infinitive, StringComparison.Ordinal)) return CommonWords.Contains(word);
        return false;
    }

    public bool IsInflectedVerb(string word) => !CommonWords.Contains(word) && MayBeVerbForm(word);

    /// <summary>Whether the word has a verb ending that leads back to a listed infinitive, even where it is a word of its own ("ringraziato").</summary>
    public bool MayBeVerbForm(ReadOnlySpan<char> word)
    {
        if (VerbEndings.Length == 0) return false;
        foreach (var (ending, infinitive) in VerbEndings)
            if (word.Length - ending.Length >= 3 && word.EndsWith(ending, StringComparison.OrdinalIgnoreCase)
                && CommonWords.Contains(string.Concat(word[..^ending.Length], infinitive)))
                return true;
        return false;
    }

    /// <summary>Prepositions between a title and its portfolio besides "of" ("commissaire à la Défense", "minister voor Klimaat").</summary>
    public WordSet TitleLinks { get; private init; } = [];

    /// <summary>Articles and their contractions with a preposition ("il", "nel", "du", "do"): a noun follows.</summary>
    public WordSet NounMarkers { get; private set; } = [];

    /// <summary>Articles, "of", numbers and percent words: what the reach from a change to its quantity does not count ("del 40 per cento i ricoveri").</summary>
    public WordSet QuantityFillers { get; private set; } = [];

    /// <summary>
    /// The words with every form the verb endings give for the same infinitive ("calato" brings "caleranno", "calava",
    /// "calando"), so a list of rise or decline verbs need not spell out each tense. The extra forms that are no words
    /// never occur in text.
    /// </summary>
    private WordSet WithVerbForms(IEnumerable<string> words)
    {
        var forms = new WordSet(words, StringComparer.OrdinalIgnoreCase);
        var infinitives = VerbEndings.Select(e => e.Infinitive).Distinct().ToArray();
        foreach (string word in forms.ToList())
        {
            foreach (var (ending, infinitive) in VerbEndings.Concat(infinitives.Select(i => (Ending: i, Infinitive: i))))
            {
                if (word.Length - ending.Length < 3 || !word.EndsWith(ending, StringComparison.OrdinalIgnoreCase)) continue;
                string stem = word[..^ending.Length];
                forms.Add(stem + infinitive);
                foreach (var (other, same) in VerbEndings)
                    if (same == infinitive) forms.Add(stem + other);
            }
        }
        return forms;
    }

    /// <summary>Title-case words found to be a listed acronym ("Cgil"), or not (null).</summary>
    internal WordMemo<PhraseEntry?> TitleCaseAcronyms { get; } = new(StringComparer.Ordinal);

    /// <summary>Words already rated (their valence) or found unrated (null).</summary>
    private readonly WordMemo<double?> _valenceSeen = new(StringComparer.Ordinal);

    /// <summary>A word's valence as written, else without an inflection ending, else as the verb it inflects, else (in compounding languages) its longest listed tail.</summary>
    public bool TryValence(ReadOnlySpan<char> word, out double valence)
    {
        if (_valenceSeen.TryGet(word, out double? known))
        {
            valence = known.GetValueOrDefault();
            return known.HasValue;
        }
        bool rated = Rate(word, out valence);
        _valenceSeen.Remember(word, rated ? valence : null);
        return rated;
    }

    private bool Rate(ReadOnlySpan<char> word, out double valence)
    {
        var lookup = Valence!.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(word, out valence)) return true;
        foreach (var suffix in Suffixes)
            if (word.Length - suffix.Length >= 4 && word.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && lookup.TryGetValue(word[..^suffix.Length], out valence)) return true;
        if (VerbEndings.Length > 0 && word.Length <= 48)
        {
            Span<char> infinitive = stackalloc char[word.Length + 8];
            foreach (var (ending, replacement) in VerbEndings)
            {
                if (word.Length - ending.Length < 3 || !word.EndsWith(ending, StringComparison.OrdinalIgnoreCase)) continue;
                var stem = word[..^ending.Length];
                if (stem.Length + replacement.Length > infinitive.Length) continue;
                stem.CopyTo(infinitive);
                replacement.CopyTo(infinitive[stem.Length..]);
                if (lookup.TryGetValue(infinitive[..(stem.Length + replacement.Length)], out valence)) return true;
            }
        }
        if (!Compounds) return false;
        for (int k = 3; word.Length - k >= 5; k++)
        {
            var tail = word[k..];
            if (lookup.TryGetValue(tail, out valence)) return true;
            foreach (var suffix in Suffixes)
                if (tail.Length - suffix.Length >= 5 && tail.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && lookup.TryGetValue(tail[..^suffix.Length], out valence)) return true;
        }
        return false;
    }

    /// <summary>
    /// Without <paramref name="nouns"/>: the document's tokens with elisions split off ("l'Italia" -> "l'" + "Italia").
    /// With it: the tokens the entity rules see, where (in German) ordinary nouns lose their capital unless they are
    /// titles, roles or organisation words. Offsets stay the document's either way.
    /// </summary>
    public List<Token> Adapt(string text, List<Token> tokens, bool nouns)
    {
        if (nouns ? !NounsCapitalised : IsEnglish) return tokens;
        var result = new List<Token>(tokens.Count + 8);
        var listed = nouns ? ListedNames(text, tokens) : null;
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Kind != TokenKind.Word) { result.Add(t); continue; }
            var word = text.AsSpan(t.Start, t.Length);
            int acronym = nouns ? 0 : Math.Max(AcronymPrefix(word), OrganizationBeforeHyphen(text, tokens, i, word));
            if (acronym > 0)
            {
                // "PVV-leider", "VVD-fractie", "SPD-Chef": the party is a name of its own.
                result.Add(new Token(t.Start, acronym, TokenKind.Word, true, true, t.SpaceBefore, t.LineBreakBefore));
                result.Add(new Token(t.Start + acronym, 1, TokenKind.Punctuation, false, false, false, false));
                result.Add(new Token(t.Start + acronym + 1, t.Length - acronym - 1, TokenKind.Word, char.IsUpper(word[acronym + 1]), false, false, false));
                continue;
            }
            // "L'Oréal", "L'Équipe": a listed organisation keeps its article.
            int cut = nouns ? 0 : ElisionLength(word);
            if (cut > 0 && char.IsUpper(word[0]) && IsListedOrganization(word)) cut = 0;
            if (cut > 0)
            {
                result.Add(new Token(t.Start, cut, TokenKind.Word, char.IsUpper(word[0]), false, t.SpaceBefore, t.LineBreakBefore));
                var rest = word[cut..];
                bool allCaps = rest.Length >= 2 && !rest.ContainsAnyExceptInRange('A', 'Z');
                result.Add(new Token(t.Start + cut, t.Length - cut, TokenKind.Word, char.IsUpper(rest[0]), allCaps, false, false));
                continue;
            }
            if (!nouns || !t.Capitalised || t.AllCaps || listed![i])
            {
                result.Add(t);
                continue;
            }
            bool afterDeterminer = AfterDeterminer(text, tokens, i);
            // Each reading below keeps the word a name; they are tried in turn, so most nouns meet only the first few.
            bool staysName =
                // "Roland Busch", "Dieter Reiter": after a first name a noun is a surname.
                // An abstract noun's ending is no surname's ("Katja Wolf Zustimmung": "Wolf" is the surname there).
                result.Count > 0 && result[^1].Capitalised && result[^1].Kind == TokenKind.Word && !afterDeterminer
                    && IsFirstName(text.AsSpan(result[^1].Start, result[^1].Length)) && !HasAbstractEnding(word)
                // "Deutschen Krankenhausgesellschaft": an organisation's head after a capitalised adjective stays a name.
                // A determiner opening the sentence is no adjective: "Der Chemiekonzern BASF" describes the company, while
                // "Am Universitätsklinikum Leipzig" is an institution named by its place.
                || result.Count > 0 && result[^1].Capitalised && result[^1].Kind == TokenKind.Word && EndsStructureOrOrganization(word)
                    && (!afterDeterminer || PlaceFollows(text, tokens, i + 1))
                // "die Freiwillige Feuerwehr Liezen", "der Rhätischen Bahn": an adjective is capitalised inside a sentence only
                // in a name, and an institution's head after it is that name's head, not the kind of body it is.
                || result.Count > 1 && result[^1].Capitalised && result[^1].Kind == TokenKind.Word && result[^2].Kind == TokenKind.Word
                    && OpensBodyName(text.AsSpan(result[^1].Start, result[^1].Length), word)
                // "die Berner Kantonalbank", "die Luzerner Polizei": a town's adjective, though the dictionary lists it as
                // the noun for the town's people, opens such a name too.
                || i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Word && tokens[i + 1].Capitalised && IsTownAdjective(word)
                    && OpensBodyName(word, text.AsSpan(tokens[i + 1].Start, tokens[i + 1].Length))
                // "der Kranhersteller Rosenbauer", "die Hausbank Oberbank": after the kind of company, a word no dictionary lists
                // whole is the company's name.
                || i > 0 && tokens[i - 1].Kind == TokenKind.Word && IsOrganizationDescriptor(text.AsSpan(tokens[i - 1].Start, tokens[i - 1].Length))
                    && NounForm(word) == Noun.None
                // "St. Gallen": after a saint's abbreviation a noun ("Galle") is a name.
                || i > 1 && text[tokens[i - 1].Start] == '.' && text.AsSpan(tokens[i - 2].Start, tokens[i - 2].Length) is "St"
                // "Heidelberger Druckmaschinen AG", "Deutsche Wohnen SE": nouns before a legal form are the company's name,
                // though not the kind of company before its name ("Chemiekonzern BASF SE").
                || BeforeLegalForm(text, tokens, i) && !IsOrganizationDescriptor(word)
                // "die Universität Hamburg", "das Staatstheater Nürnberg": an institution's head before the place it serves names it.
                || i + 1 < tokens.Count && tokens[i + 1].Capitalised
                    && (OrganizationWords.Contains(word) || EndsInOrganizationWord(word) || IsOrganizationEnding(word)) && (PlaceFollows(text, tokens, i + 1) || LoneNameFollows(text, tokens, i + 1))
                // "der Stadtwerke Kiel": the place an institution serves stays a name though it reads as a noun ("Kiel").
                || result.Count > 0 && result[^1].Capitalised && result[^1].Kind == TokenKind.Word && PlaceFollows(text, tokens, i)
                    && (OrganizationWords.Contains(text.AsSpan(result[^1].Start, result[^1].Length)) || EndsInOrganizationWord(text.AsSpan(result[^1].Start, result[^1].Length)))
                // "in Siegen", "aus Aalen": after a preposition of place, a listed place is the place, though it reads as a
                // noun's inflected form ("Siege", "Aale"); a noun of that very form stays one ("in Zug").
                || i > 0 && tokens[i - 1].Kind == TokenKind.Word && PlacePrepositions.Contains(text.AsSpan(tokens[i - 1].Start, tokens[i - 1].Length))
                    && !Nouns.Contains(word) && PlaceFollows(text, tokens, i)
                // "Hohenlohekreis", "Carolabrücke", "Allgäuer Alpen": a district's or a structure's compound, and a region's
                // head after a place's adjective.
                || IsDistrictCompound(word) || IsNamedStructure(word) && !AfterIndefiniteArticle(text, tokens, i) || IsPlaceOrganizationCompound(word) || IsDirectionalPlace(word)
                || result.Count > 0 && result[^1].Capitalised && result[^1].Kind == TokenKind.Word && RegionHeads.Contains(word)
                    && IsRegionAdjective(text.AsSpan(result[^1].Start, result[^1].Length))
                || i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Word && tokens[i + 1].Capitalised
                    && RegionHeads.Contains(text.AsSpan(tokens[i + 1].Start, tokens[i + 1].Length)) && IsRegionAdjective(word)
                // "im Freistaat Bayern", "Schloss Neuschwanstein": a place's head before its name is part of it.
                || i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Word && tokens[i + 1].Capitalised && PlacePrefixes.Contains(word)
                // "des Bundesministeriums der Finanzen": an institution's head before its field names it.
                // "des Instituts der deutschen Wirtschaft", "dem Museum für angewandte Kunst": also after the field's adjectives.
                || i + 2 < tokens.Count && OrganizationLinks.Contains(text.AsSpan(tokens[i + 1].Start, tokens[i + 1].Length))
                    && FieldFollows(text, tokens, i + 2) && (OrganizationPrefixes.Contains(word) || EndsInOrganizationWord(word));
            if (!staysName && NamedCompound(word) is null && IsNounHere(text, tokens, i, word)
                && !TryTitle(text, tokens, i, tokens.Count, out _) && !PersonTypes.TryMatch(text, tokens, i, i + 1, out _, out _)
                && (!OrganizationWords.Contains(word) || GenericOrganizationWords.Contains(word) && afterDeterminer)
                && !OrganizationFirstWords.Contains(word)
                && LocalNames?.TryMatch(text, tokens, i, tokens.Count, out _, out _) != true && !TryGenitivePlace(word, out _))
            {
                result.Add(t with { Capitalised = false });
                continue;
            }
            result.Add(t);
        }
        return result;
    }

    /// <summary>
    /// Whether up to three more words lead from token <paramref name="i"/> to a legal form: nouns and "and" ("Hafen und
    /// Logistik AG"), but no name, acronym nor adjective, which start a name of their own ("Spedition Hellmann GmbH",
    /// "Vermieter Deutsche Wohnen SE").
    /// </summary>
    private bool BeforeLegalForm(string text, List<Token> tokens, int i)
    {
        // The legal form first: most nouns have none in reach, and the words between are dearer to ask about.
        int form = -1;
        for (int k = i + 1; k < tokens.Count && k <= i + 4 && form < 0; k++)
        {
            if (tokens[k].Kind != TokenKind.Word) return false;
            var word = text.AsSpan(tokens[k].Start, tokens[k].Length);
            if (!tokens[k].Capitalised)
            {
                if (And.Contains(word)) continue;
                return false;
            }
            if (IsLegalForm(word)) form = k;
        }
        if (form < 0) return false;
        for (int k = i + 1; k < form; k++)
        {
            if (!tokens[k].Capitalised) continue;
            var word = text.AsSpan(tokens[k].Start, tokens[k].Length);
            if (tokens[k].AllCaps || IsCapitalisedAdjective(word) || !IsCommon(word)) return false;
        }
        return true;
    }

    /// <summary>An organisation word written as an abbreviation with two capitals ("AG", "GmbH", "KGaA"), not as a noun ("Bank").</summary>
    public bool IsLegalForm(ReadOnlySpan<char> word) =>
        word.Length is >= 2 and <= 5 && word[1..].ContainsAnyInRange('A', 'Z') && OrganizationWords.Contains(word);

    /// <summary>A German adjective's inflected ending ("deutschen", "angewandte", "neuer", "großes").</summary>
    public static bool EndsLikeInflectedAdjective(ReadOnlySpan<char> word) => word[^1] is 'e' or 'n' or 'r' or 's';

    /// <summary>A noun at <paramref name="k"/>, or up to two inflected adjectives and then one ("der deutschen Wirtschaft").</summary>
    private static bool FieldFollows(string text, List<Token> tokens, int k)
    {
        for (int limit = k + 2; k < tokens.Count && tokens[k].Kind == TokenKind.Word; k++)
        {
            if (char.IsUpper(text[tokens[k].Start])) return true;
            if (k == limit || !EndsLikeInflectedAdjective(text.AsSpan(tokens[k].Start, tokens[k].Length))) return false;
        }
        return false;
    }

    /// <summary>Endings only abstract nouns have ("Zustimmung", "Mehrheit", "Gesellschaft").</summary>
    private WordEndings AbstractEndings { get; init; } = new([]);

    private bool HasAbstractEnding(ReadOnlySpan<char> word) => AbstractEndings.EndsAfterStem(word, StringComparison.Ordinal);

    /// <summary>
    /// Whether a capitalised German word is an ordinary noun where it stands: a listed noun; a word naming what kind of
    /// organisation follows ("Autozulieferer Kessler"); or, after a determiner, any ordinary word no gazetteer names alone.
    /// The generated list keeps a noun that is also an English first name or another dictionary's name ("Land", "Grund")
    /// only as a compound part, so "das Land Brandenburg" needs the determiner to read "Land" as the noun it is there.
    /// A word with an adjective's ending before a capitalised word is left alone ("der Europäischen Kommission"), as is
    /// the first word of a name form ("in der Allianz Arena") and a short word, which the list may hold only as a
    /// compound part.
    /// </summary>
    private bool IsNounHere(string text, List<Token> tokens, int i, ReadOnlySpan<char> word)
    {
        if (IsNoun(text, tokens, i, word)) return true;
        bool descriptor = IsOrganizationDescriptor(word) && !OrganizationWords.Contains(word);
        bool afterDeterminer = word.Length > 3 && AfterDeterminer(text, tokens, i) && IsCommon(word) && !BeforeNameHead(text, tokens, i, word);
        return (descriptor || afterDeterminer) && !OfflineData.Instance.Names.TryMatch(text, tokens, i, i + 1, out _, out _);
    }

    /// <summary>A capitalised word follows that makes this one an adjective or the first word of a name ("Allianz Arena", "Kessler Bank").</summary>
    private bool BeforeNameHead(string text, List<Token> tokens, int i, ReadOnlySpan<char> word)
    {
        if (i + 1 >= tokens.Count || tokens[i + 1].Kind != TokenKind.Word || !tokens[i + 1].Capitalised) return false;
        var next = text.AsSpan(tokens[i + 1].Start, tokens[i + 1].Length);
        return HasAdjectiveEnding(word) || EndsStructureOrOrganization(next) || OrganizationWords.Contains(next);
    }

    /// <summary>The last word of a structure's name or a compound organisation's ("Potsdamer Platz", "Krankenhausgesellschaft").</summary>
    private bool EndsStructureOrOrganization(ReadOnlySpan<char> word) =>
        EndsInOrganizationWord(word) || PlaceSuffixes.Contains(word);

    /// <summary>
    /// A German adjective written capitalised in a name ("Staatlichen Kunstsammlungen"): the dictionary lists it in lower
    /// case, with an adjective's ending, and not as a noun; an inflected "-lich" adjective ("Kassenärztliche") is one
    /// though the dictionary lacks it, as no noun ends so.
    /// </summary>
    public bool IsCapitalisedAdjective(ReadOnlySpan<char> word) =>
        NounsCapitalised && HasAdjectiveEnding(word) && !IsListedNoun(word) && (CommonWords.Contains(word) || IsLichForm(word));

    private static bool IsLichForm(ReadOnlySpan<char> word) =>
        word.Length >= 9 && (word[..^1].EndsWith("lich", StringComparison.Ordinal) || word[..^2].EndsWith("lich", StringComparison.Ordinal));

    /// <summary>
    /// "Freiwillige Feuerwehr", "Rhätische Bahn": a German adjective that, capitalised inside a sentence, opens a name, then
    /// an institution's head word, not the kind of body ("Linzer Regionalsender").
    /// </summary>
    public bool OpensBodyName(ReadOnlySpan<char> adjective, ReadOnlySpan<char> head) =>
        NounsCapitalised && (IsCapitalisedAdjective(adjective) || IsRegionAdjective(adjective) && (!IsCommon(adjective) || IsTownAdjective(adjective)))
        && !IsOrganizationDescriptor(head) && (EndsStructureOrOrganization(head) || OrganizationEndings.IsOne(head) || OrganizationWords.Contains(head));

    private static bool HasAdjectiveEnding(ReadOnlySpan<char> word) =>
        word.EndsWith("e", StringComparison.Ordinal) || word.EndsWith("en", StringComparison.Ordinal) || word.EndsWith("er", StringComparison.Ordinal)
        || word.EndsWith("es", StringComparison.Ordinal) || word.EndsWith("em", StringComparison.Ordinal);

    /// <summary>
    /// Whether a listed place starts at token <paramref name="i"/>, a hyphenated name that opens with one ("Memmingen-Lindau"),
    /// or a place's part named by its direction ("Oberteisendorf").
    /// </summary>
    private bool PlaceFollows(string text, List<Token> tokens, int i) =>
        i < tokens.Count && tokens[i].Capitalised && (LocalNames?.TryMatch(text, tokens, i, tokens.Count, out _, out var local) == true && local.Category == EntityCategories.Location
            || OfflineData.Instance.Names.TryMatch(text, tokens, i, tokens.Count, out _, out var shared) && shared.Category == EntityCategories.Location
            || StartsWithPlace(text.AsSpan(tokens[i].Start, tokens[i].Length)) || IsDirectionalPlace(text.AsSpan(tokens[i].Start, tokens[i].Length)));

    /// <summary>A hyphenated name whose first part is a listed place: "Limburg-Noord", "Arnhem-Leeuwarden", "Rhein-Neckar".</summary>
    public bool StartsWithPlace(ReadOnlySpan<char> word) => HyphenPartIsPlace(word, word.IndexOf('-'), first: true);

    /// <summary>A hyphenated name whose last part is a listed place: "Noord-Nederland", "Zuid-Limburg".</summary>
    public bool EndsWithPlace(ReadOnlySpan<char> word) => HyphenPartIsPlace(word, word.LastIndexOf('-'), first: false);

    private bool HyphenPartIsPlace(ReadOnlySpan<char> word, int hyphen, bool first) =>
        hyphen > 0 && hyphen < word.Length - 1 && char.IsUpper(word[hyphen + 1]) && IsPlaceName(first ? word[..hyphen] : word[(hyphen + 1)..]);

    /// <summary>
    /// "Sparkasse KölnBonn", "Kreissparkasse Ostalb": one word no dictionary lists, then no further name, after an
    /// institution's head is the name of the area it serves; after the kind of body ("Gewerkschaft Verdi") it is the
    /// body's own name, and so is another body's word ("Hausbank Oberbank") or an acronym ("Förderbank KfW").
    /// </summary>
    public bool LoneNameFollows(string text, List<Token> tokens, int i)
    {
        if (i < 1 || i >= tokens.Count || tokens[i].Kind != TokenKind.Word || !tokens[i].Capitalised || tokens[i].AllCaps) return false;
        if (i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Word && tokens[i + 1].Capitalised) return false;
        var head = text.AsSpan(tokens[i - 1].Start, tokens[i - 1].Length);
        var word = text.AsSpan(tokens[i].Start, tokens[i].Length);
        if (word.Length < 4 || !char.IsLower(word[^1])) return false;
        foreach (char c in word)
            if (!char.IsLetter(c)) return false;
        return !IsOrganizationDescriptor(head) && !OrganizationKinds.Contains(head) && !EndsInOrganizationWord(word)
            && NounForm(word) == Noun.None && !IsCommon(word) && !IsFirstName(word);
    }

    private bool AfterDeterminer(string text, List<Token> tokens, int i) =>
        i > 0 && tokens[i - 1].Kind == TokenKind.Word && Determiners.Contains(text.AsSpan(tokens[i - 1].Start, tokens[i - 1].Length));

    /// <summary>Tokens inside a listed name of two or more words ("IG Metall", "Deutsche Bahn", "Allianz Arena"), whose nouns are names.</summary>
    private bool[] ListedNames(string text, List<Token> tokens)
    {
        var listed = new bool[tokens.Count];
        var shared = OfflineData.Instance.Names;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].Capitalised) continue;
            int length = 0;
            if (shared.TryMatch(text, tokens, i, tokens.Count, out int n, out _)) length = n;
            if (LocalNames?.TryMatch(text, tokens, i, tokens.Count, out n, out _) == true) length = Math.Max(length, n);
            if (length < 2) continue;
            for (int k = i; k < i + length; k++) listed[k] = true;
            i += length - 1;
        }
        return listed;
    }

    /// <summary>
    /// "Saint-Valery-sur-Somme", "Maine-et-Loire", "Côtes-d'Armor", "Saint-Martin-Vésubie": a hyphenated name of three
    /// parts or more, capitalised but for a link ("sur", "et", "d'…") or opened by a saint, is a place's; two parts are
    /// as often a person's ("Jean-Pierre", "Saint-Exupéry").
    /// </summary>
    public bool IsCompoundPlaceName(ReadOnlySpan<char> word)
    {
        if (CompoundPlaceLinks.Count == 0) return false;
        int parts = 0;
        bool linked = false, saint = false;
        foreach (var range in word.Split('-'))
        {
            var part = word[range];
            if (part.IsEmpty) return false;
            parts++;
            if (parts == 1) saint = CompoundPlaceHeads.Contains(part);
            if (parts > 1 && CompoundPlaceLinks.Contains(part)) linked = true;
            else if (parts > 1 && ElisionLength(part) is > 0 and var elided && char.IsUpper(part[elided])) linked = true;
            else if (!char.IsUpper(part[0])) return false;
        }
        return parts >= 3 && (linked || saint);
    }

    /// <summary>
    /// "Wupperverband", "Alpenverein", "Erzgebirgsbahn", "Bundesgericht": a closed German compound of a listed place (with
    /// its linking "s") or of the federation and an organisation's ending is that body's name, where a compound of ordinary
    /// words ("Sportverein") is a noun.
    /// </summary>
    public bool IsPlaceOrganizationCompound(ReadOnlySpan<char> word)
    {
        if (!NounsCapitalised || word.IndexOf('-') >= 0 || OrganizationEndings.EndingOf(word, StringComparison.Ordinal) is not { } ending) return false;
        var stem = word[..^ending.Length];
        if (stem.Length < 3 || !char.IsUpper(stem[0])) return false;
        // "Bundesdenkmalamt", "Bundesverwaltungsgericht": a federal body's compound names the one body of its kind.
        if (stem.StartsWith("Bundes", StringComparison.Ordinal)) return true;
        return IsPlaceName(stem) || stem[^1] == 's' && (IsPlaceName(stem[..^1]) || IsPlaceName(string.Concat(stem[..^1], "e")));
    }

    /// <summary>
    /// "de Waddenvereniging", "het Guldensporenstadion": where compounds are closed and nouns are written in lower case, a
    /// capitalised compound inside a sentence ending in a body's or a structure's head is that body's or structure's name,
    /// though its parts, and at times the dictionary, make it an ordinary word.
    /// </summary>
    public string? ClosedCompoundName(ReadOnlySpan<char> word)
    {
        if (!Compounds || NounsCapitalised || word.Length < 8 || !char.IsUpper(word[0]) || word.IndexOf('-') >= 0 || !char.IsLower(word[^1])) return null;
        if (OrganizationEndings.EndingOf(word, StringComparison.Ordinal) is { } body && word.Length - body.Length >= 3) return EntityCategories.Organization;
        if (PlaceEndings.EndingOf(word, StringComparison.Ordinal) is { } place && word.Length - place.Length >= 3) return EntityCategories.Location;
        return null;
    }

    /// <summary>
    /// One of the heads compounds of bodies end in, standing alone ("Klinikum", "Kunsthaus"), which names a body before the
    /// place it serves; not a kind of place ("Gemeinde Seiffen" is the village).
    /// </summary>
    public bool IsOrganizationEnding(ReadOnlySpan<char> word) => OrganizationEndings.IsOne(word) && !PlaceKinds.Contains(word);

    /// <summary>
    /// "Val Padana", "Alp Grüm": outside English a place's head opening a name of two words or more makes it a place's,
    /// though the head is a first name elsewhere ("Val").
    /// </summary>
    public bool OpensPlaceName(ReadOnlySpan<char> first, int words) => !IsEnglish && words >= 2 && PlacePrefixes.Contains(first);

    /// <summary>A compound ending in an organisation's head ("Krankenhausgesellschaft", "Rijksmuseum", "Fußball-Bund").</summary>
    public bool EndsInOrganizationWord(ReadOnlySpan<char> word)
    {
        if (OrganizationEndings.EndsAfterStem(word, StringComparison.Ordinal)) return true;
        int hyphen = word.LastIndexOf('-');
        if (hyphen <= 0 || hyphen + 1 >= word.Length || !char.IsUpper(word[hyphen + 1])) return false;
        var head = word[(hyphen + 1)..];
        return OrganizationEndings.IsOne(head) || OrganizationEndings.EndsAfterStem(head, StringComparison.OrdinalIgnoreCase);
    }

    private static int AcronymPrefix(ReadOnlySpan<char> word)
    {
        int hyphen = word.IndexOf('-');
        if (hyphen < 2 || hyphen > 6 || hyphen + 3 > word.Length || !char.IsUpper(word[0]) || !char.IsLetter(word[hyphen + 1])) return 0;
        // All capitals, or two or more in a short mixed-case acronym ("AfD-Fraktion", "BaFin-Chef").
        int capitals = 0;
        foreach (char c in word[..hyphen]) if (char.IsUpper(c) || char.IsDigit(c)) capitals++; else if (!char.IsLower(c)) return 0;
        if (capitals < hyphen && capitals < 2) return 0;
        // Only before an ordinary word: "SPD-Chef", "PVV-leider", not "TGV-INOUI" or "Loir-et-Cher".
        return word[(hyphen + 1)..].Contains('-') || word[(hyphen + 2)..].ContainsAnyInRange('A', 'Z') ? 0 : hyphen;
    }

    /// <summary>
    /// "du Mans", "des Herbiers", "del Ejido": after a contracted article, a town whose listed name opens with that article
    /// ("Le Mans", "Les Herbiers", "El Ejido"), named by the rest.
    /// </summary>
    public bool IsPlaceAfterItsArticle(ReadOnlySpan<char> before, ReadOnlySpan<char> word, [NotNullWhen(true)] out PhraseEntry? place)
    {
        place = null;
        if (IsEnglish || !ImpersonalArticles.Contains(before)) return false;
        foreach (var article in Articles)
            if ((LocalNames?.TryMatchPair(article, word, out place) == true || SharedNames.TryMatchPair(article, word, out place)) && place.Category == EntityCategories.Location)
                return true;
        place = null;
        return false;
    }

    /// <summary>
    /// "Verdi-Chef", "Ajax-trainer", "Erixx-Geschäftsführer", "Vlaams Belang-fractieleider": before a title or role, a
    /// listed organisation (alone, or with the word before it), or a word no list or dictionary knows and no first name,
    /// is a name of its own, like an acronym (a person's surname there is one the lists know: "Trump-Berater"); so is a
    /// listed organisation before an ordinary noun ("Lufthansa-Tochter"). The hyphen's index, or 0.
    /// </summary>
    private int OrganizationBeforeHyphen(string text, List<Token> tokens, int i, ReadOnlySpan<char> word)
    {
        int hyphen = word.LastIndexOf('-');
        if (hyphen < 2 || hyphen > word.Length - 3 || !char.IsUpper(word[0]) || !char.IsLetter(word[hyphen + 1]) || LocalNames is null) return 0;
        var tail = word[(hyphen + 1)..];
        var head = word[..hyphen];
        // "Lufthansa-Tochter", "Raiffeisen-Gruppe": a listed body before an ordinary noun is named on its own, unless the
        // whole is the body's name ("Swiss-Ski").
        if (IsListedOrganization(head) && IsCommon(tail) && !IsListedOrganization(word)) return hyphen;
        if (!IsTitleWord(tail) && !PersonTypes.TryMatchWord(tail, out _)) return 0;
        if (IsListedOrganization(head) || IsUnknownWord(head)) return hyphen;
        if (i == 0 || tokens[i - 1].Kind != TokenKind.Word || !tokens[i - 1].Capitalised || !tokens[i].SpaceBefore) return 0;
        var first = text.AsSpan(tokens[i - 1].Start, tokens[i - 1].Length);
        return LocalNames.TryMatchPair(first, head, out var entry) && entry.Category == EntityCategories.Organization
            || SharedNames.TryMatchPair(first, head, out entry) && entry.Category == EntityCategories.Organization ? hyphen : 0;
    }

    /// <summary>One unhyphenated word that no dictionary, first-name list or gazetteer knows.</summary>
    private bool IsUnknownWord(ReadOnlySpan<char> word) =>
        word.IndexOf('-') < 0 && !IsCommon(word) && !IsFirstName(word) && !TryListedWord(word, out _);

    /// <summary>One word listed as an organisation, in the language's own names or the shared gazetteer.</summary>
    private bool IsListedOrganization(ReadOnlySpan<char> word) => TryListedWord(word, out var entry) && entry.Category == EntityCategories.Organization;

    /// <summary>One word's entry in the language's own names or, failing that, the shared gazetteer.</summary>
    private bool TryListedWord(ReadOnlySpan<char> word, out PhraseEntry entry) =>
        LocalNames?.TryMatchWord(word, out entry) == true || SharedNames.TryMatchWord(word, out entry);

    private int ElisionLength(ReadOnlySpan<char> word)
    {
        foreach (var e in Elisions)
        {
            // "l'" and "l’" alike; the rest must be a word of its own.
            if (word.Length <= e.Length + 1) continue;
            if (!word[..(e.Length - 1)].Equals(e.AsSpan(0, e.Length - 1), StringComparison.OrdinalIgnoreCase)) continue;
            if (word[e.Length - 1] is not ('\'' or '\u2019') || !char.IsLetter(word[e.Length])) continue;
            return e.Length;
        }
        return 0;
    }

    private static LanguageProfile Load(string iso, OfflineData data)
    {
        var lists = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var line in OfflineData.ReadLines($"lang-{iso}.tsv"))
        {
            int tab = line.IndexOf('\t');
            if (tab < 0) continue;
            lists[line[..tab]] = line[(tab + 1)..].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
        string[] List(string key) => lists.TryGetValue(key, out var v) ? v : [];
        WordSet Set(string key, IEnumerable<string>? with = null, bool ignoreCase = false) =>
            new(List(key).Concat(with ?? []), ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        bool english = iso == "en";

        PhraseTrie Trie(PhraseTrie english_, string englishFile, string key, bool ignoreCase, double weight)
        {
            if (english) return english_;
            var trie = new PhraseTrie(ignoreCase);
            foreach (var line in OfflineData.ReadLines(englishFile)) trie.Add(line, new PhraseEntry(EntityCategories.PersonType, null, weight));
            foreach (var item in List(key)) trie.Add(item, new PhraseEntry(EntityCategories.PersonType, null, weight));
            return trie;
        }

        var profile = new LanguageProfile
        {
            Language = iso,
            NounsCapitalised = List("nouns-capitalised").Length > 0,
            GenitivePlaces = List("genitive-places").Length > 0,
            LowercaseTitles = List("lowercase-titles").Length > 0,
            SentenceCaseWorks = List("sentence-case-works").Length > 0,
            CommonWords = english ? data.CommonWords : LoadCommonWords(iso, data, List("nouns")),
            Nouns = english || lists.ContainsKey("nouns-capitalised") is false ? new(StringComparer.Ordinal)
                : new WordSet(OfflineData.ReadLines($"words-{iso}.txt").Where(w => char.IsUpper(w[0])).Concat(List("nouns")), StringComparer.Ordinal),
            Determiners = Set("determiners", ignoreCase: true),
            GenericOrganizationWords = Set("generic-org-words"),
            FirstNames = english ? data.FirstNames : SharedFor(data).FirstNames,
            FirstNamesWithoutAccents = english ? new(StringComparer.Ordinal) : SharedFor(data).FirstNamesWithoutAccents,
            Titles = Trie(data.Titles, "titles.txt", "titles", ignoreCase: false, 0.9),
            PersonTypes = Trie(data.PersonTypes, "person-types.txt", "person-types", ignoreCase: true, 0.85),
            LocalNames = english ? null : LocalPlaces.Value,
            SharedNames = data.Names,
            OrganizationWords = english ? data.OrganizationWords : Set("org-words", data.OrganizationWords),
            OrganizationPrefixes = english ? data.OrganizationPrefixes : Set("org-prefixes", data.OrganizationPrefixes),
            OrganizationFirstWords = english ? data.OrganizationFirstWords : Set("org-first-words", data.OrganizationFirstWords),
            // English "Christian" is a first name elsewhere ("Christian Stocker").
            Demonyms = english ? data.Demonyms : Set("demonyms", data.Demonyms.Where(d => !SharedFor(data).FirstNames.Contains(d))),
            OrganizationHeads = Set("org-prefixes"),
            GenericHeads = Set("generic-heads"),
            AbstractEndings = new(List("abstract-endings")),
            PlacePrefixes = Set("place-prefixes"),
            StreetWords = Set("street-words"),
            ThoroughfareWords = Set("thoroughfare-words"),
            FeatureWords = Set("feature-words"),
            FeatureCues = Set("feature-cues"),
            CampusHeads = Set("campus-heads"),
            ParentHeads = Set("parent-heads"),
            RoadPrefixes = Set("road-prefixes"),
            RoadWords = Set("road-words"),
            AirportWords = Set("airport-words"),
            VenueWords = Set("venue-words"),
            HospitalWords = Set("hospital-words"),
            ImpersonalArticles = Set("impersonal-articles", ignoreCase: true),
            PlaceKinds = Set("place-kinds"),
            SiteWords = Set("site-words"),
            NameNumbers = Set("name-numbers"),
            NumberedBodies = Set("numbered-bodies"),
            CourtWords = Set("court-words"),
            MinistryWords = Set("ministry-words"),
            CommonAcronyms = Set("common-acronyms"),
            RegionHeads = Set("region-heads"),
            CompoundPlaceLinks = Set("compound-place-links"),
            CompoundPlaceHeads = Set("compound-place-heads"),
            PlaceSuffixes = Set("place-suffixes"),
            ForeignPlacePrefixes = Foreign("place-prefixes", data, iso),
            ForeignPlaceSuffixes = english ? Foreign("place-suffixes", data, iso) : [],
            ForeignOrganizationHeads = Foreign("org-prefixes", data, iso),
            EventNouns = Set("event-nouns"),
            WorkWords = Set("work-words"),
            BodyArticles = Set("body-articles", ignoreCase: true),
            VenueArticles = Set("venue-articles"),
            OrganizationKinds = Set("org-kinds"),
            OrganizationKindEndings = new(List("org-kinds")),
            Numbers = english ? NumericVocabulary.English : NumericVocabulary.Load(iso, data.StopWords.GetValueOrDefault(iso), List("percent"), List("number-links"), List("score-links"), List("not-numbers"), List("number-space-groups").Length > 0),
            Connectors = Set("connectors"),
            NameParticles = Set("name-particles"),
            NameParticlesAnyCase = Set("name-particles", ignoreCase: true),
            SpeechVerbs = Set("speech-verbs"),
            AccordingTo = Set("according-to", ignoreCase: true),
            PlacePrepositions = Set("place-prepositions"),
            Honorifics = Set("honorifics"),
            NameTitles = Set("name-titles"),
            Articles = Set("articles"),
            TitleLinks = Set("title-links"),
            Of = Set("of"),
            ForWords = Set("for"),
            OrganizationLinks = Set("org-links"),
            AffiliationLinks = Set("affiliation-links"),
            EventHeads = Set("event-heads"),
            And = Set("and"),
            Or = Set("or"),
            PartyWords = Set("party-words"),
            OrganizationDescriptors = Set("org-descriptors"),
            OrganizationDescriptorEndings = new(List("org-descriptor-endings")),
            OrganizationNouns = Set("org-nouns"),
            OrganizationRoles = Set("org-roles"),
            Staff = Set("staff"),
            PlaysFor = Set("plays-for"),
            Elisions = List("elisions").OrderByDescending(e => e.Length).ToArray(),
            Suffixes = List("suffixes").OrderByDescending(e => e.Length).ToArray(),
            TitleSuffixes = new(List("title-suffixes")),
            OrganizationEndings = new(List("org-endings")),
            PlaceEndings = new(List("place-endings")),
            NameOnlyEndings = Set("name-only-endings"),
            StreetEndings = new(List("street-endings")),
            PlaceDirections = List("place-directions"),
            PlaceQualifiers = Set("place-qualifiers"),
            IndefiniteArticles = Set("indefinite-articles", ignoreCase: true),
            TownLinks = List("town-links").Select(link => link.Split(' ')).OrderByDescending(link => link.Length).ToArray(),
            Endings = List("endings"),
            OpenSyllableSuffixes = List("open-syllable-suffixes"),
            VerbEndings = List("verb-endings").Select(e => e.Split('>')).Select(e => (e[0], e[1])).OrderByDescending(e => e.Item1.Length).ToArray(),
            Compounds = List("compounds").Length > 0,
            LoneNamesArePlaces = List("lone-names-places").Length > 0,
            ShortNamesAreBodies = List("short-names-bodies").Length > 0,
            BodiesKeepTheirPlace = List("bodies-keep-their-place").Length > 0,
        };
        if (english) return profile;

        var valence = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        var phrases = new PhraseTrie(ignoreCase: true);
        var negators = Set("negators", ignoreCase: true);
        foreach (var line in OfflineData.ReadLines($"sentiment-{iso}.tsv").Concat(List("sentiment").Select(s => s.Replace(':', '\t'))))
        {
            var f = line.Split('\t');
            if (f.Length < 2) continue;
            if (f[1] == "negator") { negators.Add(f[0]); continue; }
            double v = double.Parse(f[1], CultureInfo.InvariantCulture);
            if (f[0].Contains(' ')) phrases.Add(f[0], new PhraseEntry("Sentiment", null, v));
            else valence[f[0]] = v;
        }
        var boosters = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var w in List("boosters")) boosters[w] = SentimentScorer.BoosterStep;
        foreach (var w in List("dampeners")) boosters[w] = -SentimentScorer.BoosterStep;
        var decreases = profile.WithVerbForms(List("decreases"));
        var increases = profile.WithVerbForms(List("increases"));
        var averters = profile.WithVerbForms(List("averters"));
        foreach (var w in negators.Concat(boosters.Keys).Concat(decreases).Concat(increases).Concat(averters)) valence.Remove(w);
        profile.Valence = valence;
        profile.ValencePhrases = phrases;
        profile.Boosters = boosters;
        profile.Negators = negators;
        profile.Contrasts = Set("contrasts", ignoreCase: true);
        profile.Concessives = Set("concessives", ignoreCase: true);
        profile.AfterWords = Set("after-words", ignoreCase: true);
        profile.TimeSpans = Set("time-spans", ignoreCase: true);
        profile.AdjectiveIntensifiers = Set("adjective-intensifiers", ignoreCase: true);
        profile.NoneWords = Set("none-words", ignoreCase: true);
        profile.Partitives = Set("partitives", ignoreCase: true);
        profile.Existentials = Set("existentials", ignoreCase: true);
        profile.Averters = averters;
        profile.ClubArticles = Set("club-articles", ignoreCase: true);
        if (profile.ClubArticles.Count > 0) profile.ClubPlaces = SharedFor(data).ClubTowns;
        profile.ClubRegionArticles = Set("club-region-articles", ignoreCase: true);
        if (profile.ClubRegionArticles.Count > 0) profile.ClubRegions = SharedFor(data).ClubRegions;
        if (!profile.IsEnglish)
        {
            profile.ClubForms = new WordSet(SharedFor(data).ClubForms.Concat(List("club-forms")), StringComparer.Ordinal);
            profile.HyphenedPlaceHeads = SharedFor(data).HyphenedPlaceHeads;
        }
        profile.Decreases = decreases;
        profile.Comparatives = Set("comparatives", ignoreCase: true);
        profile.EverWords = Set("ever-words", ignoreCase: true);
        profile.Superlatives = Set("superlatives", ignoreCase: true);
        profile.Relatives = Set("relatives", ignoreCase: true);
        profile.CommentVerbs = Set("comment-verbs", ignoreCase: true);
        profile.Increases = increases;
        profile.NounMarkers = new WordSet(List("noun-markers").Concat(List("determiners")), StringComparer.OrdinalIgnoreCase);
        profile.QuantityFillers = new WordSet(profile.NounMarkers.Concat(profile.Connectors).Concat(profile.Numbers.NumberWords)
            .Concat(profile.Numbers.Percent.SelectMany(words => words)), StringComparer.OrdinalIgnoreCase);
        profile.SeparableChanges = List("separable-increases").Select(pair => (Pair: pair, Decline: false))
            .Concat(List("separable-decreases").Select(pair => (Pair: pair, Decline: true)))
            .Select(e => (Parts: e.Pair.Split(' '), e.Decline))
            .GroupBy(e => e.Parts[0], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(e => (e.Parts[1], e.Decline)).ToArray(), StringComparer.OrdinalIgnoreCase);
        profile.RisingNews = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var w in List("rising-bad")) profile.RisingNews[w] = -1;
        foreach (var w in List("rising-good")) profile.RisingNews[w] = 1;
        return profile;
    }

    private static WordSet LoadCommonWords(string iso, OfflineData data, string[] nouns)
    {
        var words = new WordSet(OfflineData.ReadLines($"words-{iso}.txt").Concat(nouns), StringComparer.OrdinalIgnoreCase);
        // Function words are ordinary words too, and hunspell lists stems, not these.
        if (data.StopWords.TryGetValue(iso, out var stop)) words.UnionWith(stop);
        return words;
    }

    /// <summary>A list of every other profile, without English first names, which would turn people into places.</summary>
    private static WordSet Foreign(string key, OfflineData data, string own)
    {
        var set = new WordSet(StringComparer.Ordinal);
        foreach (var (iso, items) in ForeignLists.Value[key])
            if (iso != own)
                foreach (var item in items)
                    if (!data.FirstNames.Contains(item)) set.Add(item);
        return set;
    }

    /// <summary>
    /// The lists every profile lends the others (<see cref="Foreign"/>), per key and language, read from each language's
    /// file once rather than once for every profile that borrows them.
    /// </summary>
    private static readonly Lazy<Dictionary<string, List<(string Iso, string[] Items)>>> ForeignLists = new(() =>
    {
        var lists = new Dictionary<string, List<(string, string[])>>(StringComparer.Ordinal)
        {
            ["place-prefixes"] = [], ["place-suffixes"] = [], ["org-prefixes"] = [],
        };
        foreach (var iso in Supported.Where(iso => iso != "en"))
            foreach (var line in OfflineData.ReadLines($"lang-{iso}.tsv"))
            {
                int tab = line.IndexOf('\t');
                if (tab > 0 && lists.TryGetValue(line[..tab], out var borrowed))
                    borrowed.Add((iso, line[(tab + 1)..].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
            }
        return lists;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// "der Tschechischen Republik", "in den Vereinigten Staaten", "im Bayerischen Wald": a German name that opens with
    /// adjectives ("-ische", "-igte") takes their weak ending ("-en") after an article; null where it opens with none.
    /// </summary>
    private static string? WeakAdjectiveForm(string name)
    {
        // Most of the gazetteer's 80,000 names open with no such adjective: they are turned away before any split.
        int space = name.IndexOf(' ');
        if (space < 0 || GermanAdjectiveStem(name.AsSpan(0, space)) == 0) return null;
        var words = name.Split(' ');
        for (int i = 0; i < words.Length - 1 && GermanAdjectiveStem(words[i]) is > 0 and int stem; i++)
            words[i] = string.Concat(words[i].AsSpan(0, stem), "en");
        return string.Join(' ', words);
    }

    /// <summary>The length of an "-isch"/"-igt" adjective's stem ("Tschechische", "Vereinigtes"), or 0.</summary>
    private static int GermanAdjectiveStem(ReadOnlySpan<char> word)
    {
        if (word.Length < 6 || !char.IsUpper(word[0])) return 0;
        var stem = word.EndsWith('e') ? word[..^1] : word.EndsWith("es", StringComparison.Ordinal) || word.EndsWith("er", StringComparison.Ordinal) ? word[..^2] : default;
        return stem.EndsWith("isch", StringComparison.Ordinal) || stem.EndsWith("igt", StringComparison.Ordinal) ? stem.Length : 0;
    }

    private static PhraseTrie LoadLocalPlaces()
    {
        var trie = new PhraseTrie(ignoreCase: false);
        foreach (var line in OfflineData.ReadLines("places-local.tsv"))
        {
            var f = line.Split('\t');
            double weight = double.Parse(f[2], CultureInfo.InvariantCulture);
            var entry = new PhraseEntry(EntityCategories.Location, "GPE", weight * 0.95, "place-local-" + f[1]);
            trie.Add(f[0], entry);
            if (WeakAdjectiveForm(f[0]) is { } inflected) trie.Add(inflected, entry);
        }
        foreach (var line in OfflineData.ReadLines("organizations-local.tsv"))
        {
            var f = line.Split('\t');
            trie.Add(f[0], new PhraseEntry(EntityCategories.Organization, f.Length > 1 && f[1].Length > 0 ? f[1] : null, 0.9, "org-local"));
        }
        return trie;
    }
}
