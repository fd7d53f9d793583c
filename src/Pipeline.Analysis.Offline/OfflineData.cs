using System.Globalization;
using System.Runtime.InteropServices;

namespace Pipeline.Analysis.Offline;

/// <summary>
/// Every list the offline analyzer knows, read once from the embedded Data/ files (see tools/offline-data and
/// THIRD-PARTY-NOTICES.md). Immutable after loading, so one instance serves all threads.
/// </summary>
internal sealed class OfflineData
{
    private static readonly Lazy<OfflineData> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static OfflineData Instance => Shared.Value;

    /// <summary>Places, organisations, events and products, matched case-sensitively.</summary>
    public PhraseTrie Names { get; } = new(ignoreCase: false);

    /// <summary>Roles ("envoy", "prime minister"), matched case-insensitively.</summary>
    public PhraseTrie PersonTypes { get; } = new(ignoreCase: true);

    /// <summary>Honorifics and capitalised roles that can stand before a name ("Mr", "President").</summary>
    public PhraseTrie Titles { get; } = new(ignoreCase: false);

    public WordSet FirstNames { get; } = new(StringComparer.Ordinal);
    /// <summary>The regions and provinces of the shared place list, which take an article where towns take none ("nel Lazio").</summary>
    public WordSet RegionNames { get; } = new(StringComparer.Ordinal);
    public WordSet CommonWords { get; } = new(StringComparer.OrdinalIgnoreCase);
    public WordSet Demonyms { get; } = new(StringComparer.Ordinal);
    public WordSet OrganizationWords { get; } = new(StringComparer.Ordinal);
    public WordSet OrganizationPrefixes { get; } = new(StringComparer.Ordinal);
    public WordSet OrganizationFirstWords { get; } = new(StringComparer.Ordinal);

    /// <summary>One-word company names from a spelling list: weak evidence for a lone capitalised word.</summary>
    public WordSet CompanyWords { get; } = new(StringComparer.Ordinal);
    public WordSet EventWords { get; } = new(StringComparer.Ordinal);
    public WordSet ProductWords { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> PlaceSuffixes { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> PlacePrefixes { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string?> EventPrefixes { get; } = new(StringComparer.Ordinal);
    public WordSet CurrencyCodes { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Rule and category -> the precision that rule reached on the development gold sets (smoothed), used as the
    /// entity's confidence so that higher scores are right more often. Written by <c>pipeline eval --write-calibration</c>.
    /// </summary>
    public Dictionary<string, double> Calibration { get; } = new(StringComparer.Ordinal);

    /// <summary>VADER valences (-4..+4) with the news-language overrides applied on top.</summary>
    public Dictionary<string, double> Valence { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Multi-word news phrases ("ceasefire collapsed") whose valence replaces that of their words.</summary>
    public PhraseTrie ValencePhrases { get; } = new(ignoreCase: true);

    /// <summary>Fast mode's learned per-word polarities over the rules' scores (tools/sentiment-words).</summary>
    public WordPolarity WordPolarity { get; private set; } = null!;

    /// <summary>
    /// Lower-case word -> the languages whose frequent function words hold it and those whose stop-word list holds it
    /// (weaker evidence), for the language detector: one table, so a word is looked up once.
    /// </summary>
    public Dictionary<string, DetectionWord> DetectionWords { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> LanguageNames { get; } = new(StringComparer.Ordinal);

    /// <summary>Phrase delimiters for key phrases, per language.</summary>
    public Dictionary<string, WordSet> StopWords { get; } = new(StringComparer.Ordinal);

    internal static OfflineData Load()
    {
        var d = new OfflineData();
        foreach (var line in Lines("common-words.txt")) d.CommonWords.Add(line);
        foreach (var line in Lines("first-names.txt")) d.FirstNames.Add(line);
        foreach (var line in Lines("demonyms.txt")) d.Demonyms.Add(line);
        foreach (var line in Lines("org-words.txt")) d.OrganizationWords.Add(line);
        foreach (var line in Lines("org-prefixes.txt")) d.OrganizationPrefixes.Add(line);
        foreach (var line in Lines("org-first-words.txt")) d.OrganizationFirstWords.Add(line);
        foreach (var line in Lines("company-words.txt")) d.CompanyWords.Add(line);
        foreach (var line in Lines("event-words.txt")) d.EventWords.Add(line);
        foreach (var line in Lines("product-words.txt")) d.ProductWords.Add(line);
        foreach (var f in Fields("place-words.tsv")) (f[1] == "prefix" ? d.PlacePrefixes : d.PlaceSuffixes)[f[0]] = f[2];
        foreach (var f in Fields("event-prefixes.txt")) d.EventPrefixes[f[0]] = Optional(f, 1);
        foreach (var f in Fields("currencies.tsv")) d.CurrencyCodes.Add(f[0]);

        foreach (var f in Fields("places.tsv"))
        {
            // GeoNames and ISO entries are political units; curated ones say what they are.
            double weight = double.Parse(f[2], CultureInfo.InvariantCulture);
            d.Names.Add(f[0], new PhraseEntry(EntityCategories.Location, "GPE", weight * 0.95, "place-" + f[1]));
            if (f[1] == "admin1") d.RegionNames.Add(f[0]);
        }
        foreach (var f in Fields("places-curated.tsv")) d.Names.Add(f[0], new PhraseEntry(EntityCategories.Location, f[1], 0.96, "place-curated"));
        foreach (var f in Fields("organizations.tsv")) d.Names.Add(f[0], new PhraseEntry(EntityCategories.Organization, Optional(f, 1), 0.93, "org-curated"));
        foreach (var f in Fields("organizations-known.tsv")) d.Names.Add(f[0], new PhraseEntry(EntityCategories.Organization, Optional(f, 1), 0.9, "org-known"));
        foreach (var f in Fields("events.tsv")) d.Names.Add(f[0], new PhraseEntry(EntityCategories.Event, Optional(f, 1), 0.9, "event"));
        foreach (var f in Fields("products.tsv")) d.Names.Add(f[0], new PhraseEntry(EntityCategories.Product, Optional(f, 1), 0.85, "product"));

        foreach (var f in Fields("entity-calibration.tsv")) d.Calibration[f[0]] = double.Parse(f[1], CultureInfo.InvariantCulture);

        foreach (var line in Lines("person-types.txt")) d.PersonTypes.Add(line, new PhraseEntry(EntityCategories.PersonType, null, 0.85));
        foreach (var line in Lines("titles.txt")) d.Titles.Add(line, new PhraseEntry(EntityCategories.PersonType, null, 0.9));

        foreach (var f in Fields("vader-lexicon.tsv"))
            d.Valence[f[0]] = double.Parse(f[1], CultureInfo.InvariantCulture);
        foreach (var f in Fields("afinn-165.tsv"))
            d.Valence.TryAdd(f[0], double.Parse(f[1], CultureInfo.InvariantCulture));
        foreach (var f in Fields("evaluative-sentiment.tsv").Concat(Fields("news-sentiment.tsv")))
        {
            double v = double.Parse(f[1], CultureInfo.InvariantCulture);
            if (f[0].Contains(' ')) d.ValencePhrases.Add(f[0], new PhraseEntry("Sentiment", null, v));
            else d.Valence[f[0]] = v;
        }

        d.WordPolarity = WordPolarity.Parse(Lines("word-polarity.tsv"));

        foreach (var f in Fields("language-profiles.tsv"))
        {
            d.LanguageNames[f[0]] = f[1];
            foreach (var word in f[2].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(d.DetectionWords, word, out _);
                entry = entry with { Languages = [.. entry.Languages ?? [], f[0]] };
            }
        }
        foreach (var f in Fields("stopwords.tsv"))
            d.StopWords[f[0]] = new WordSet(f[1].Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase);
        foreach (var (lang, words) in d.StopWords)
            foreach (var word in words)
            {
                ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(d.DetectionWords, word, out _);
                entry = entry with { StopWordLanguages = [.. entry.StopWordLanguages ?? [], lang] };
            }
        // English key phrases split on a tighter list of our own: the ISO list for English holds content words.
        d.StopWords["en"] = new WordSet(Lines("stopwords-en.txt").SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)), StringComparer.OrdinalIgnoreCase);
        return d;
    }

    private static string? Optional(string[] fields, int i) => fields.Length > i && fields[i].Length > 0 ? fields[i] : null;

    private static IEnumerable<string[]> Fields(string name) => Lines(name).Select(l => l.Split('\t'));

    /// <summary>Non-empty lines of an embedded data file, without '#' comment lines.</summary>
    internal static IEnumerable<string> ReadLines(string name) => Lines(name);

    private static IEnumerable<string> Lines(string name)
    {
        var assembly = typeof(OfflineData).Assembly;
        using var stream = assembly.GetManifestResourceStream("Pipeline.Analysis.Offline.Data." + name)
            ?? throw new InvalidOperationException($"Embedded analyzer data '{name}' is missing.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            line = line.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#') continue;
            yield return line;
        }
    }
}

/// <summary>The languages a word counts for in language detection: as a frequent function word, and as a stop word.</summary>
internal readonly record struct DetectionWord(string[]? Languages, string[]? StopWordLanguages);
