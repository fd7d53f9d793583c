using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Analysis.Entities;

/// <summary>
/// Links an article's entity mentions to canonical entities, from data and the article itself, whatever analyzer found
/// them: countries by ISO 3166-1 (names in English, German, French and Spanish, with and without their article), the
/// curated alias table (organisations and their acronyms, extra country names), for a Location a GeoNames city by any of
/// its names ("Kiew", "Den Haag", "Bruselas"), an acronym the article defines in
/// parentheses ("European Space Agency (ESA)"), a surname the article uses with a first name before or after, and
/// otherwise the mention's own normalised text. Only the categories the summary counts are linked.
/// </summary>
public sealed partial class EntityCanonicalizer
{
    /// <summary>Linked from Debian iso-codes' ISO 3166-1 names.</summary>
    public const string Iso3166Source = "iso3166";

    /// <summary>Linked from the project's alias table.</summary>
    public const string AliasSource = "aliases";

    /// <summary>Linked from GeoNames' cities: a place other than a country, by any of its names ("Kyiv", "Kiew", "Kyjiw").</summary>
    public const string GeoNamesSource = "geonames";

    /// <summary>Linked within the article: an acronym it defines, or a surname of a full name it uses.</summary>
    public const string ArticleSource = "article";

    /// <summary>Not linked to data: the id is the mention's normalised text, so spellings differing in case, accents or article still meet.</summary>
    public const string TextSource = "text";

    private static readonly HashSet<string> LinkedCategories =
        [EntityCategories.Person, EntityCategories.PersonType, EntityCategories.Location, EntityCategories.Organization, EntityCategories.Event, EntityCategories.Product, "Skill"];

    // Leading articles news text puts before a country or organisation name ("the Netherlands", "les États-Unis"). Only
    // the English one is taken off a name made into an id: in other languages the article is often part of a place's
    // name (Los Angeles, La Paz, El Salvador), so there it only helps a look-up in the data.
    private static readonly string[] LeadingArticles = ["the ", "der ", "die ", "das ", "den ", "la ", "le ", "les ", "l'", "l’", "el ", "los ", "las "];
    private static readonly string[] EnglishArticle = ["the "];

    private readonly Dictionary<string, CanonicalEntity> known;

    // Folded place name to its GeoNames city, read at the first place that neither the countries nor the alias table
    // know: tens of thousands of names that an article of countries and organisations never needs.
    private static readonly Lazy<Dictionary<string, CanonicalEntity>> Places = new(LoadPlaces);

    private EntityCanonicalizer(Dictionary<string, CanonicalEntity> known) => this.known = known;

    /// <summary>The canonicalizer over the embedded country, alias and place data.</summary>
    public static EntityCanonicalizer Default { get; } = Load();

    /// <summary>The mentions of one article with <see cref="EntityMention.Canonical"/> set where the category is one the summary counts.</summary>
    /// <param name="text">The article's text, which the mentions' offsets index (acronym definitions are read from it).</param>
    /// <param name="mentions">The article's mentions, in document order.</param>
    /// <returns>The same mentions in the same order, linked.</returns>
    public IReadOnlyList<EntityMention> Canonicalize(string text, IReadOnlyList<EntityMention> mentions)
    {
        var acronyms = DefinedAcronyms(text, mentions);
        var surnames = Surnames(mentions);
        return mentions.Select(m => IsLinkable(m) ? m with { Canonical = Link(m, acronyms, surnames) } : m with { Canonical = null }).ToList();
    }

    /// <summary>The longest mention linked, in characters: no name is longer, and a hostile run of capitalised words is no name.</summary>
    internal const int MaxNameLength = 100;

    private static bool IsLinkable(EntityMention mention) => LinkedCategories.Contains(mention.Category) && mention.Text.Length <= MaxNameLength;

    private CanonicalEntity Link(EntityMention mention, Dictionary<string, CanonicalEntity> acronyms, Dictionary<string, CanonicalEntity> surnames)
    {
        string name = mention.Text.Trim();
        string bare = WithoutLeadingArticle(name, LeadingArticles);
        // The analyzer's own link (Azure AI Language's Wikipedia entity) comes first, except for a name the country or
        // alias tables list: their ids are the same in every language, where Wikipedia's are titles in the article's.
        if (mention.Canonical is { } linked && (mention.Category == EntityCategories.Person || !(known.ContainsKey(Fold(name)) || known.ContainsKey(Fold(bare)))))
            return linked;
        // An acronym the article defines is more specific than the table's meaning of it.
        if (acronyms.TryGetValue(name, out var entity) || acronyms.TryGetValue(bare, out entity)) return entity;
        if (mention.Category == EntityCategories.Person)
        {
            string[] words = Words(name);
            return surnames.TryGetValue(SurnameKey(words), out entity) ? entity : FromText(mention.Category, string.Join(' ', words), transliterate: true);
        }
        if (known.TryGetValue(Fold(name), out entity) || known.TryGetValue(Fold(bare), out entity)) return entity;
        // Only a Location is a place: a person called "Florence" or an organisation called "Paris" is not the city.
        if (mention.Category == EntityCategories.Location && (Places.Value.TryGetValue(Fold(name), out entity) || Places.Value.TryGetValue(Fold(bare), out entity))) return entity;
        return FromText(mention.Category, WithoutLeadingArticle(name, EnglishArticle), transliterate: false);
    }

    /// <summary>
    /// "European Space Agency (ESA)", "James Webb Space Telescope (JWST)": the acronym in parentheses right after a
    /// mention names its entity for the rest of the article. People are left out: "(D)" or "(52)" after a name is no acronym of it.
    /// </summary>
    private Dictionary<string, CanonicalEntity> DefinedAcronyms(string text, IReadOnlyList<EntityMention> mentions)
    {
        var acronyms = new Dictionary<string, CanonicalEntity>(StringComparer.Ordinal);
        foreach (var mention in mentions.Where(m => IsLinkable(m) && m.Category != EntityCategories.Person))
        {
            int end = mention.Offset + mention.Length;
            if (end < 0 || end > text.Length) continue;
            var match = AcronymInParentheses().Match(text, end);
            if (!match.Success) continue;
            string name = WithoutLeadingArticle(mention.Text.Trim(), EnglishArticle);
            acronyms.TryAdd(match.Groups[1].Value, known.TryGetValue(Fold(name), out var entity) ? entity : FromText(mention.Category, name, transliterate: false) with { Source = ArticleSource });
        }
        return acronyms;
    }

    /// <summary>
    /// Surname to full name, from the article's multi-word person mentions: every proper tail of a full name names its
    /// person ("Zelensky", "von der Leyen"). A tail two different people share stays unresolved rather than guessed.
    /// </summary>
    private static Dictionary<string, CanonicalEntity> Surnames(IReadOnlyList<EntityMention> mentions)
    {
        var surnames = new Dictionary<string, CanonicalEntity?>(StringComparer.Ordinal);
        foreach (var mention in mentions.Where(m => m.Category == EntityCategories.Person && IsLinkable(m)))
        {
            string[] words = Words(mention.Text);
            var person = FromText(mention.Category, string.Join(' ', words), transliterate: true) with { Source = ArticleSource };
            for (int start = 1; start < words.Length; start++)
            {
                string key = SurnameKey(words[start..]);
                surnames[key] = surnames.TryGetValue(key, out var earlier) && (earlier is null || earlier.Id != person.Id) ? null : person;
            }
        }
        return surnames.Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value!, StringComparer.Ordinal);
    }

    private static CanonicalEntity FromText(string category, string name, bool transliterate)
    {
        string slug = Slug(name, transliterate);
        return new CanonicalEntity($"{category.ToLowerInvariant()}:{slug}", name, TextSource);
    }

    /// <summary>
    /// Lower case, accents folded, runs of anything but letters and digits to one hyphen; for people also the one
    /// transliteration rule: a final "yy", "iy", "yi" or "ij" of a word is "y" ("Zelenskyy", "Zelenskiy", "Zelenskyi" are "Zelensky").
    /// </summary>
    private static string Slug(string name, bool transliterate)
    {
        var words = Fold(name).Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        if (transliterate) words = words.Select(Transliterated).ToArray();
        return string.Join('-', words);
    }

    private static string SurnameKey(string[] words) => string.Join(' ', words.Select(w => Transliterated(Fold(w))));

    private static string Transliterated(string word) =>
        word.Length > 4 && (word.EndsWith("yy", StringComparison.Ordinal) || word.EndsWith("iy", StringComparison.Ordinal)
                            || word.EndsWith("yi", StringComparison.Ordinal) || word.EndsWith("ij", StringComparison.Ordinal))
            ? word[..^2] + "y"
            : word;

    private static readonly char[] Separators = [' ', '-', '.', ',', '\'', '’', '(', ')', '/', '&'];

    private static string[] Words(string name) => name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string WithoutLeadingArticle(string name, string[] articles)
    {
        foreach (string article in articles)
            if (name.Length > article.Length && name.StartsWith(article, StringComparison.OrdinalIgnoreCase)) return name[article.Length..];
        return name;
    }

    /// <summary>The lookup form of a name: case and accents folded, whitespace collapsed.</summary>
    private static string Fold(string name)
    {
        var folded = new StringBuilder(name.Length);
        foreach (char c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(c)) { if (folded.Length > 0 && folded[^1] != ' ') folded.Append(' '); continue; }
            folded.Append(char.ToLowerInvariant(c == '’' ? '\'' : c));
        }
        return folded.ToString().Trim();
    }

    private static EntityCanonicalizer Load()
    {
        var known = new Dictionary<string, CanonicalEntity>(StringComparer.Ordinal);
        var countries = new Dictionary<string, CanonicalEntity>(StringComparer.Ordinal);
        foreach (var fields in Rows("countries.tsv"))
        {
            var country = new CanonicalEntity($"{Iso3166Source}:{fields[0]}", fields[1], Iso3166Source);
            countries[country.Id] = country;
            foreach (string name in fields[2].Split('|'))
            {
                known.TryAdd(Fold(name), country);
                known.TryAdd(Fold(WithoutLeadingArticle(name, EnglishArticle)), country); // "The Democratic Republic of the Congo"
            }
        }
        foreach (var fields in Rows("entity-aliases.tsv"))
        {
            var entity = countries.TryGetValue(fields[0], out var country) ? country : new CanonicalEntity(fields[0], fields[2], AliasSource);
            foreach (string name in fields[3].Split('|').Prepend(fields[2])) known.TryAdd(Fold(name), entity);
        }
        return new EntityCanonicalizer(known);
    }

    /// <summary>
    /// The GeoNames cities of places-geonames.tsv (tools/canonical-data/build-places.sh), largest first. A name several
    /// places share goes to a place whose main name it is before one that goes by it otherwise ("Manchester" is the
    /// English city, not Richmond, Virginia, once called so), then to the largest ("Santiago" is Santiago de Chile).
    /// </summary>
    private static Dictionary<string, CanonicalEntity> LoadPlaces()
    {
        var rows = Rows("places-geonames.tsv");
        var places = new Dictionary<string, CanonicalEntity>(StringComparer.Ordinal);
        var entities = rows.Select(fields => new CanonicalEntity($"{GeoNamesSource}:{fields[0]}", fields[1], GeoNamesSource)).ToList();
        foreach (int column in (int[])[3, 4])
            for (int i = 0; i < rows.Count; i++)
                foreach (string name in rows[i][column].Split('|', StringSplitOptions.RemoveEmptyEntries)) places.TryAdd(Fold(name), entities[i]);
        return places;
    }

    private static List<string[]> Rows(string file)
    {
        using var stream = typeof(EntityCanonicalizer).Assembly.GetManifestResourceStream("Pipeline.Analysis.Entities.Data." + file)
            ?? throw new InvalidOperationException($"Embedded data file {file} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && line[0] != '#') rows.Add(line.Split('\t'));
        return rows;
    }

    [GeneratedRegex(@"\G\s*\(\s*(\p{Lu}[\p{Lu}\p{Ll}&.-]{1,9})\s*\)", RegexOptions.CultureInvariant)]
    private static partial Regex AcronymInParentheses();
}
