using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Pipeline.Analysis.Offline;

/// <summary>
/// The words <see cref="NumericRecognizer"/> reads dates and quantities by, for one language: English as written here;
/// German, French, Spanish, Italian, Dutch and Portuguese from Microsoft.Recognizers.Definitions (the data behind the
/// Microsoft Recognizers Text library: months, weekdays, seasons, number words, scales, time units, currencies and the
/// "this/next/last" prefixes), less what the language's stop words also use ("sei", "été", "ora") and articles that are
/// also the number one.
/// </summary>
internal sealed partial class NumericVocabulary
{
    private static readonly StringComparer Fold = StringComparer.OrdinalIgnoreCase;

    private static readonly Dictionary<string, string> Definitions = new(StringComparer.Ordinal)
    {
        ["de"] = "German", ["fr"] = "French", ["es"] = "Spanish", ["it"] = "Italian", ["nl"] = "Dutch", ["pt"] = "Portuguese",
    };

    public static readonly NumericVocabulary English = new()
    {
        MonthsCapitalised = true,
        Months = new(StringComparer.Ordinal)
        {
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
            "Jan", "Feb", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        },
        Weekdays = new(StringComparer.Ordinal) { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" },
        RelativeDays = new(StringComparer.OrdinalIgnoreCase) { "today", "yesterday", "tomorrow", "tonight" },
        RelativeStarts = new(StringComparer.OrdinalIgnoreCase) { "last", "next", "this", "coming", "past", "previous" },
        Periods = new(StringComparer.OrdinalIgnoreCase) { "week", "month", "year", "weekend", "decade", "century", "summer", "winter", "spring", "autumn", "quarter", "season" },
        TimeUnits = new(StringComparer.OrdinalIgnoreCase)
        {
            "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
            "year", "years", "decade", "decades", "century", "centuries",
        },
        NumberWords = new(StringComparer.OrdinalIgnoreCase)
        {
            "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
            "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
            "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million", "billion", "trillion", "dozen",
            "hundreds", "thousands", "millions", "billions", "dozens",
        },
        Scales = new(StringComparer.OrdinalIgnoreCase) { "hundred", "thousand", "million", "billion", "trillion", "bn", "mn", "tn" },
        OrdinalWords = new(StringComparer.OrdinalIgnoreCase)
        {
            "first", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
            "twentieth", "hundredth", "thousandth",
        },
        CurrencyWords = new(StringComparer.OrdinalIgnoreCase)
        {
            "dollar", "dollars", "euro", "euros", "pound", "pounds", "sterling", "yen", "yuan", "renminbi", "rouble", "roubles",
            "ruble", "rubles", "rupee", "rupees", "hryvnia", "hryvnias", "franc", "francs", "cent", "cents", "pence", "peso",
            "pesos", "lira", "shekel", "shekels", "dirham", "dirhams", "riyal", "riyals", "krona", "kronor", "krone", "kroner",
            "shilling", "shillings", "rand", "naira", "baht", "ringgit", "zloty", "zlotys", "forint", "lei", "bitcoin",
        },
        DimensionUnits = new(StringComparer.OrdinalIgnoreCase)
        {
            "km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "metres", "meters", "metre", "meter",
            "feet", "foot", "ft", "inches", "cm", "mm", "kg", "kilograms", "kilos", "tonnes", "tons", "tonne", "litres", "liters",
            "gallons", "barrels", "acres", "hectares", "mph", "square", "sq", "gigawatts", "megawatts", "GW", "MW", "kWh",
        },
        Percent = [["percent"], ["per", "cent"]],
    };

    private static readonly string[] UnitLists = ["LengthSuffixList", "AreaSuffixList", "WeightSuffixList", "VolumeSuffixList"];

    private static readonly Lazy<Assembly> Recognizers = new(() => typeof(Microsoft.Recognizers.Definitions.German.NumbersDefinitions).Assembly);

    /// <summary>Month names, full and abbreviated.</summary>
    public required WordSet Months { get; init; }

    /// <summary>Whether the day before its month is written as an ordinal ("am 1. Januar"): German.</summary>
    public bool OrdinalDays { get; init; }

    /// <summary>Whether a month name must be capitalised to count ("May" is a month, "may" a verb): English only.</summary>
    public bool MonthsCapitalised { get; init; }

    /// <summary>
    /// Whether a month or weekday name counts only in lower case, as the Romance languages and Dutch write them: capitalised
    /// it is a name ("Elena Aprile", "Hospital 12 de Octubre", "Plácido Domingo").
    /// </summary>
    public bool MonthsLowercase { get; init; }

    public required WordSet Weekdays { get; init; }
    public required WordSet RelativeDays { get; init; }
    public WordSet Seasons { get; init; } = [];

    /// <summary>Words before a period or weekday that make it a date ("last week", "diesem Jahr", "este miércoles").</summary>
    public WordSet RelativeStarts { get; init; } = [];
    public Regex? RelativeStart { get; init; }
    public required WordSet Periods { get; init; }
    public required WordSet TimeUnits { get; init; }

    /// <summary>The units of years ("ans", "años", "anni", "jaar"): after "de 22" a person's age.</summary>
    public WordSet YearUnits { get; init; } = [];
    public required WordSet NumberWords { get; init; }
    public required WordSet Scales { get; init; }
    public required WordSet OrdinalWords { get; init; }
    public required WordSet CurrencyWords { get; init; }
    public required WordSet DimensionUnits { get; init; }

    /// <summary>Words that join a scale to its currency ("millones de euros", "milliards d'euros").</summary>
    public WordSet Links { get; init; } = [];

    /// <summary>Words between the two numbers of a result ("2 a 1", "3 x 1"), which the gold rules keep as one quantity.</summary>
    public WordSet ScoreLinks { get; init; } = [];

    /// <summary>Whether a space separates groups of thousands ("6 500"), as French typography writes them.</summary>
    public bool SpaceGroupsThousands { get; init; }

    /// <summary>Percentage words after a number, one or two words each ("Prozent", "per cento").</summary>
    public required string[][] Percent { get; init; }

    public bool IsRelativeStart(ReadOnlySpan<char> word) => RelativeStarts.Contains(word) || RelativeStart?.IsMatch(word) == true;

    /// <summary>
    /// Whether the word may be a month, weekday, relative day, season or period. The lists' words are held together and in
    /// any case, so a no rules out every list, case-sensitive or not, with one lookup: most tokens would otherwise be
    /// asked about by each list in turn.
    /// </summary>
    public bool MayBeDateWord(ReadOnlySpan<char> word) => (Volatile.Read(ref _dateWords) ?? DateWords()).Contains(word);

    private WordSet? _dateWords;

    /// <summary>Made on first use; kept out of <see cref="MayBeDateWord"/>, whose every call would otherwise allocate the factory delegate.</summary>
    private WordSet DateWords() =>
        LazyInitializer.EnsureInitialized(ref _dateWords, () => new WordSet(Months.Concat(Weekdays).Concat(RelativeDays).Concat(Seasons).Concat(Periods), Fold));

    /// <summary>A word that names a day, month or season: the end of an institution's lower-case name.</summary>
    public bool IsDateWord(string word) => Months.Contains(word) || Weekdays.Contains(word) || Seasons.Contains(word) || RelativeDays.Contains(word);

    /// <summary>
    /// The vocabulary of <paramref name="iso"/> from the Recognizers' definitions; <paramref name="percent"/>,
    /// <paramref name="links"/>, <paramref name="scoreLinks"/>, the <paramref name="ambiguous"/> number words and whether a space groups thousands
    /// (<paramref name="spaceGroups"/>) come from the language's profile.
    /// </summary>
    public static NumericVocabulary Load(string iso, WordSet? stopWords, IEnumerable<string> percent, IEnumerable<string> links, IEnumerable<string> scoreLinks, IEnumerable<string> ambiguous, bool spaceGroups)
    {
        if (!Definitions.TryGetValue(iso, out string? name)) return English;
        var dateTime = Recognizers.Value.GetType($"Microsoft.Recognizers.Definitions.{name}.DateTimeDefinitions", throwOnError: true)!;
        var numbers = Recognizers.Value.GetType($"Microsoft.Recognizers.Definitions.{name}.NumbersDefinitions", throwOnError: true)!;
        var units = Recognizers.Value.GetType($"Microsoft.Recognizers.Definitions.{name}.NumbersWithUnitDefinitions", throwOnError: true)!;
        T Field<T>(Type type, string field) => (T)(type.GetField(field, BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
            ?? throw new InvalidOperationException($"Microsoft.Recognizers.Definitions has no {type.Name}.{field}."));

        // Names of days and seasons that are also function words are left out ("été" is also "been"); number words are
        // kept although stop-word lists hold them ("deux", "tres"), but for those the profile names ("sei" is also "you are").
        bool Shaped(string w) => w.Length >= 3 && w.All(c => char.IsLetter(c) || c == '-');
        var notNumbers = new WordSet(ambiguous, Fold);
        WordSet Words(IEnumerable<string> words) => new(words.Where(w => Shaped(w) && !notNumbers.Contains(w)), Fold);
        WordSet Names(IEnumerable<string> words) => new(words.Where(w => Shaped(w) && stopWords?.Contains(w) != true), Fold);
        IEnumerable<(string Word, long Value)> Map(Type type, string field)
        {
            foreach (DictionaryEntry e in Field<IDictionary>(type, field))
                yield return ((string)e.Key, Convert.ToInt64(e.Value, CultureInfo.InvariantCulture));
        }
        IEnumerable<string> Keys(Type type, string field) => Field<IDictionary>(type, field).Keys.Cast<string>();
        IEnumerable<string> Terms(string field) => Field<IEnumerable>(dateTime, field).Cast<string>().Take(1);

        var timeUnits = Words(Keys(dateTime, "UnitMap"));
        var ordinalKeys = Map(numbers, "OrdinalNumberMap").Where(m => m.Value is >= 1 and <= 20).Select(m => m.Word);
        // A unit ("segundo", "secondo") or a fraction's word is no ordinal here.
        var ordinals = Words(ordinalKeys.Where(w => !timeUnits.Contains(w) && !FractionWord().IsMatch(w)));
        var weekdays = Names(Keys(dateTime, "DayOfWeek").Where(w => w.Length >= 5 && !ordinals.Contains(w)));
        var currencies = Field<IDictionary>(units, "CurrencySuffixList").Values.Cast<string>().SelectMany(v => v.Split('|'));
        var dimensions = UnitLists.SelectMany(f => Field<IDictionary>(units, f).Values.Cast<string>()).SelectMany(v => v.Split('|')).SelectMany(v => v.Split(' '));
        return new NumericVocabulary
        {
            // The longest name of each month is kept even when short ("mei", "mai"); abbreviations of three letters are not ("mar" is the sea).
            MonthsLowercase = iso is not "de",
            OrdinalDays = iso is "de",
            Months = Names(Map(dateTime, "MonthOfYear").GroupBy(m => m.Value).Where(g => g.Key is >= 1 and <= 12)
                .SelectMany(g => g.Select(m => m.Word).Where(w => w.Length >= 4 || w.Length == g.Max(m => m.Word.Length)))),
            Weekdays = weekdays,
            RelativeDays = Names(Terms("SameDayTerms").Concat(Terms("PlusOneDayTerms")).Concat(Terms("MinusOneDayTerms"))),
            Seasons = Names(Keys(dateTime, "SeasonMap").Where(w => w.Length >= 4)),
            RelativeStart = new Regex($"^(?:{Field<string>(dateTime, "ThisPrefixRegex")}|{Field<string>(dateTime, "NextPrefixRegex")}|{Field<string>(dateTime, "PreviousPrefixRegex")})$",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant),
            Periods = timeUnits,
            TimeUnits = timeUnits,
            YearUnits = Words(Field<IDictionary<string, string>>(dateTime, "UnitMap").Where(e => e.Value == "Y").Select(e => e.Key)),
            NumberWords = Words(Map(numbers, "CardinalNumberMap").Where(m => m.Value >= 2).Select(m => m.Word)),
            Scales = Words(Map(numbers, "RoundNumberMap").Where(m => m.Value >= 100 && !FractionWord().IsMatch(m.Word)).Select(m => m.Word)),
            OrdinalWords = ordinals,
            CurrencyWords = Words(currencies),
            DimensionUnits = new WordSet(dimensions.Where(w => w.Length >= 2 && w.All(char.IsLetter) && stopWords?.Contains(w) != true), Fold),
            Links = new WordSet(links, Fold),
            ScoreLinks = new WordSet(scoreLinks, Fold),
            SpaceGroupsThousands = spaceGroups,
            Percent = percent.Select(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray(),
        };
    }

    [GeneratedRegex("(tel|tels|ième|iemes?|ièmes|esim[oaie]|ésim[oa]s?|ionésim[oa]|ste|sten|halb|hälfte|haelfte|demi|tiers|quart|medi[oa]|mitad|metà|mezz[oa]|half|halve|helft|kwart|mei[oa]|terço)$", RegexOptions.IgnoreCase)]
    private static partial Regex FractionWord();
}
