using Pipeline.Analysis.Text;
namespace Pipeline.Analysis.Offline;

/// <summary>
/// DateTime (Date, Time, Duration, DateRange) and Quantity (Number, Percentage, Currency, Ordinal, Age, Dimensions,
/// Temperature) by walking tokens: a numeric core ("12.5", "three million", "$5bn") and the words around it
/// decide the subcategory, as in "fell 12%" or "for two weeks".
/// </summary>
internal static class NumericRecognizer
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.Ordinal)
    {
        ["January"] = 1, ["February"] = 2, ["March"] = 3, ["April"] = 4, ["May"] = 5, ["June"] = 6, ["July"] = 7,
        ["August"] = 8, ["September"] = 9, ["October"] = 10, ["November"] = 11, ["December"] = 12,
        ["Jan"] = 1, ["Feb"] = 2, ["Apr"] = 4, ["Jun"] = 6, ["Jul"] = 7, ["Aug"] = 8, ["Sep"] = 9, ["Sept"] = 9,
        ["Oct"] = 10, ["Nov"] = 11, ["Dec"] = 12,
    };

    private static readonly HashSet<string> Weekdays = new(StringComparer.Ordinal)
        { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" };

    private static readonly HashSet<string> RelativeDays = new(StringComparer.OrdinalIgnoreCase) { "today", "yesterday", "tomorrow", "tonight" };

    private static readonly HashSet<string> RelativeStarts = new(StringComparer.OrdinalIgnoreCase) { "last", "next", "this", "coming", "past", "previous" };

    private static readonly HashSet<string> Periods = new(StringComparer.OrdinalIgnoreCase)
        { "week", "month", "year", "weekend", "decade", "century", "summer", "winter", "spring", "autumn", "quarter", "season" };

    private static readonly HashSet<string> TimeUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
        "year", "years", "decade", "decades", "century", "centuries",
    };

    private static readonly HashSet<string> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
        "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million", "billion", "trillion", "dozen",
        "hundreds", "thousands", "millions", "billions", "dozens",
    };

    private static readonly HashSet<string> Scales = new(StringComparer.OrdinalIgnoreCase)
        { "hundred", "thousand", "million", "billion", "trillion", "bn", "mn", "tn" };

    private static readonly HashSet<string> OrdinalWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "first", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
        "twentieth", "hundredth", "thousandth",
    };

    private static readonly HashSet<string> CurrencyWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "dollar", "dollars", "euro", "euros", "pound", "pounds", "sterling", "yen", "yuan", "renminbi", "rouble", "roubles",
        "ruble", "rubles", "rupee", "rupees", "hryvnia", "hryvnias", "franc", "francs", "cent", "cents", "pence", "peso",
        "pesos", "lira", "shekel", "shekels", "dirham", "dirhams", "riyal", "riyals", "krona", "kronor", "krone", "kroner",
        "shilling", "shillings", "rand", "naira", "baht", "ringgit", "zloty", "zlotys", "forint", "lei", "bitcoin",
    };

    private static readonly HashSet<string> DimensionUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        "km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "metres", "meters", "metre", "meter",
        "feet", "foot", "ft", "inches", "cm", "mm", "kg", "kilograms", "kilos", "tonnes", "tons", "tonne", "litres", "liters",
        "gallons", "barrels", "acres", "hectares", "mph", "square", "sq", "gigawatts", "megawatts", "GW", "MW", "kWh",
    };

    private const string CurrencySymbols = "$€£¥₴₽₹₩₺₪";

    public static void Recognize(string text, List<Token> tokens, HashSet<string> currencyCodes, List<Candidate> output)
    {
        for (int i = 0; i < tokens.Count;)
        {
            int next = TryDate(text, tokens, i, output);
            if (next == i) next = TryQuantity(text, tokens, i, currencyCodes, output);
            i = next == i ? i + 1 : next;
        }
    }

    private static ReadOnlySpan<char> W(string text, List<Token> tokens, int i) =>
        i < tokens.Count ? text.AsSpan(tokens[i].Start, tokens[i].Length) : [];

    private static bool In(HashSet<string> set, ReadOnlySpan<char> word) => set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    private static bool IsDay(ReadOnlySpan<char> w) => w.Length <= 2 && int.TryParse(w, out int d) && d is >= 1 and <= 31;

    private static bool IsYear(ReadOnlySpan<char> w) => w.Length == 4 && int.TryParse(w, out int y) && y is >= 1800 and <= 2100;

    private static int TryDate(string text, List<Token> tokens, int i, List<Candidate> output)
    {
        var w = W(text, tokens, i);
        var months = Months.GetAlternateLookup<ReadOnlySpan<char>>();
        int end = i;
        string sub = "Date";
        if (months.ContainsKey(w) && tokens[i].Capitalised)
        {
            end = i + 1;
            // The dot of "Sept." belongs to the date; the full stop after "June." does not.
            if (w.Length <= 4 && w is not "June" and not "July" && end < tokens.Count && W(text, tokens, end) is "." && tokens[end].Start == tokens[i].End) end++;
            bool hasDay = false;
            if (IsDay(W(text, tokens, end))) { end++; hasDay = true; }
            int afterComma = end < tokens.Count && W(text, tokens, end) is "," ? end + 1 : end;
            if (IsYear(W(text, tokens, afterComma))) end = afterComma + 1;
            bool bare = end == i + 1 || (end == i + 2 && W(text, tokens, i + 1) is ".");
            // "May" alone is a verb far more often than a month; other bare month names are dates ("in March").
            if (bare && w is "May" or "Mar") return i;
            if (bare && !hasDay) sub = "DateRange";
        }
        else if (IsDay(w) && tokens[i].Kind == TokenKind.Number && months.ContainsKey(W(text, tokens, i + 1)) && tokens[i + 1].Capitalised)
        {
            end = i + 2;
            if (IsYear(W(text, tokens, end))) end++;
        }
        else if (Weekdays.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w) || In(RelativeDays, w))
        {
            end = i + 1;
        }
        else if (In(RelativeStarts, w) && In(Periods, W(text, tokens, i + 1)))
        {
            end = i + 2;
            sub = "DateRange";
        }
        if (end == i) return i;
        output.Add(new Candidate(i, end, EntityCategories.DateTime, sub, 0.85, "date"));
        return end;
    }

    private static int TryQuantity(string text, List<Token> tokens, int i, HashSet<string> currencyCodes, List<Candidate> output)
    {
        int start = i, j = i;
        bool currency = false;
        var w = W(text, tokens, j);
        // Currency prefix: "$", "US$", "€", or an ISO code ("USD 5 million").
        if (w.Length == 2 && w is "US" && W(text, tokens, j + 1) is "$" && tokens[j + 1].Start == tokens[j].End) { j++; w = W(text, tokens, j); }
        if ((w.Length == 1 && CurrencySymbols.Contains(w[0])) || (IsCurrencyCode(currencyCodes, w) && j + 1 < tokens.Count && tokens[j + 1].Kind == TokenKind.Number))
        {
            currency = true;
            j++;
        }
        int coreStart = j;
        var core = W(text, tokens, j);
        if (core.IsEmpty) return i;

        bool numeric = tokens[j].Kind == TokenKind.Number;
        bool digitWord = !numeric && char.IsDigit(core[0]);
        if (!numeric && !digitWord)
        {
            if (currency) return i;
            if (IsHyphenatedDuration(core))
            {
                output.Add(new Candidate(j, j + 1, EntityCategories.DateTime, "Duration", 0.75, "duration-word"));
                return j + 1;
            }
            // "Fifth Republic", "Six Nations", "First Citizens": a capitalised number word inside a name is part of the name.
            if (tokens[j].Capitalised && j + 1 < tokens.Count && tokens[j + 1].Kind == TokenKind.Word && tokens[j + 1].Capitalised) return i;
            if (In(OrdinalWords, core) || (core.Equals("second", StringComparison.OrdinalIgnoreCase) && j > 0 && W(text, tokens, j - 1) is "the" or "a" or "its" or "their" or "his" or "her"))
            {
                output.Add(new Candidate(j, j + 1, EntityCategories.Quantity, "Ordinal", 0.8, "ordinal-word"));
                return j + 1;
            }
            if (!In(NumberWords, core) && !(core.Equals("one", StringComparison.OrdinalIgnoreCase) && In(Scales, W(text, tokens, j + 1))))
                return i;
        }

        if (digitWord)
            return ClassifyDigitWord(text, tokens, start, j, currency, output);

        j++;
        // Spelled-out and scaled numbers: "three million", "12.5 billion", "two hundred".
        while (j < tokens.Count && (In(Scales, W(text, tokens, j)) || (!numeric && In(NumberWords, W(text, tokens, j)))))
            j++;

        var after = W(text, tokens, j);
        string category = EntityCategories.Quantity, sub = "Number";
        double confidence = 0.8;
        if (currency) sub = "Currency";
        else if (after is "%") { sub = "Percentage"; j++; }
        else if (after.Equals("percent", StringComparison.OrdinalIgnoreCase)) { sub = "Percentage"; j++; }
        else if (after.Equals("percentage", StringComparison.OrdinalIgnoreCase) && W(text, tokens, j + 1) is "point" or "points") { sub = "Percentage"; j += 2; }
        else if (after.Equals("light", StringComparison.OrdinalIgnoreCase) && W(text, tokens, j + 1) is "year" or "years") { sub = "Dimensions"; j += 2; }
        else if (after.Equals("per", StringComparison.OrdinalIgnoreCase) && W(text, tokens, j + 1).Equals("cent", StringComparison.OrdinalIgnoreCase)) { sub = "Percentage"; j += 2; }
        else if (In(CurrencyWords, after) || IsCurrencyCode(currencyCodes, after)) { sub = "Currency"; j++; }
        else if (In(TimeUnits, after))
        {
            category = EntityCategories.DateTime;
            sub = "Duration";
            j++;
            // "6 minutes 17 seconds" is one duration.
            while (j + 1 < tokens.Count && tokens[j].Kind == TokenKind.Number && In(TimeUnits, W(text, tokens, j + 1))) j += 2;
        }
        else if (In(DimensionUnits, after)) { sub = "Dimensions"; j++; }
        else if (after.Equals("degrees", StringComparison.OrdinalIgnoreCase) || after is "°") { sub = "Temperature"; j++; if (W(text, tokens, j) is "C" or "F" or "Celsius" or "Fahrenheit") j++; }
        else if (numeric && after is ":" && W(text, tokens, j + 1) is { Length: 2 } && tokens[j + 1].Kind == TokenKind.Number && j - coreStart == 1)
        {
            category = EntityCategories.DateTime;
            sub = "Time";
            j += 2;
            if (IsMeridiem(W(text, tokens, j))) j++;
        }
        else if (numeric && IsMeridiem(after)) { category = EntityCategories.DateTime; sub = "Time"; j++; }
        else if (numeric && j - coreStart == 1 && IsYear(core))
        {
            category = EntityCategories.DateTime;
            sub = "Date";
            confidence = 0.75;
        }
        output.Add(new Candidate(start, j, category, sub, confidence, "number-" + sub));
        return j;
    }

    /// <summary>A token that starts with a digit but holds letters: "1st", "1990s", "45-year-old", "2020-2024", "10am", "5bn".</summary>
    private static int ClassifyDigitWord(string text, List<Token> tokens, int start, int j, bool currency, List<Candidate> output)
    {
        var w = W(text, tokens, j);
        string category = EntityCategories.Quantity, sub;
        if (w.EndsWith("-year-old", StringComparison.OrdinalIgnoreCase) || w.EndsWith("-years-old", StringComparison.OrdinalIgnoreCase)) sub = "Age";
        else if (IsHyphenatedDuration(w)) { category = EntityCategories.DateTime; sub = "Duration"; }
        else if (currency || w.EndsWith("bn", StringComparison.OrdinalIgnoreCase) || w.EndsWith("m", StringComparison.Ordinal) && AllDigits(w[..^1]))
            sub = currency ? "Currency" : "Number";
        else if (w.Length >= 3 && AllDigits(w[..^2]) && (w.EndsWith("st") || w.EndsWith("nd") || w.EndsWith("rd") || w.EndsWith("th"))) sub = "Ordinal";
        else if (w.Length == 5 && w[4] == 's' && IsYear(w[..4])) { category = EntityCategories.DateTime; sub = "DateRange"; }
        else if (w.Length == 9 && w[4] == '-' && IsYear(w[..4]) && IsYear(w[5..])) { category = EntityCategories.DateTime; sub = "DateRange"; }
        else if (w.Length >= 3 && IsMeridiem(w[^2..]) && AllDigits(w[..^2])) { category = EntityCategories.DateTime; sub = "Time"; }
        else return start == j ? start : j;
        output.Add(new Candidate(start, j + 1, category, sub, 0.8, "number-unit"));
        return j + 1;
    }

    /// <summary>"87-year", "three-year", "10-day": a number and a time unit joined by a hyphen.</summary>
    private static bool IsHyphenatedDuration(ReadOnlySpan<char> w)
    {
        int dash = w.IndexOf('-');
        if (dash <= 0 || dash == w.Length - 1 || w[(dash + 1)..].Contains('-')) return false;
        var number = w[..dash];
        return In(TimeUnits, w[(dash + 1)..]) && (AllDigits(number) || In(NumberWords, number));
    }

    private static bool AllDigits(ReadOnlySpan<char> w)
    {
        if (w.IsEmpty) return false;
        foreach (char c in w) if (!char.IsDigit(c) && c != '.' && c != ',') return false;
        return true;
    }

    private static bool IsMeridiem(ReadOnlySpan<char> w) =>
        w.Equals("am", StringComparison.OrdinalIgnoreCase) || w.Equals("pm", StringComparison.OrdinalIgnoreCase) || w is "a.m." or "p.m.";

    private static bool IsCurrencyCode(HashSet<string> codes, ReadOnlySpan<char> w) => w.Length == 3 && In(codes, w);
}
