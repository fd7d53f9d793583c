using Pipeline.Analysis.Text;
namespace Pipeline.Analysis.Offline;

/// <summary>
/// DateTime (Date, Time, Duration, DateRange) and Quantity (Number, Percentage, Currency, Ordinal, Age, Dimensions,
/// Temperature) by walking tokens: a numeric core ("12.5", "three million", "$5bn") and the words around it
/// decide the subcategory, as in "fell 12%" or "for two weeks". The words are the language's
/// (<see cref="NumericVocabulary"/>): "am 25. Juli", "12,6 milliards d'euros", "zes maanden", "esta terça-feira".
/// </summary>
internal static class NumericRecognizer
{
    private const string CurrencySymbols = "$€£¥₴₽₹₩₺₪";

    public static void Recognize(string text, List<Token> tokens, WordSet currencyCodes, NumericVocabulary words, List<Candidate> output)
    {
        for (int i = 0; i < tokens.Count;)
        {
            int next = TryDate(text, tokens, i, words, output);
            if (next == i) next = TryQuantity(text, tokens, i, currencyCodes, words, output);
            i = next == i ? i + 1 : next;
        }
    }

    private static ReadOnlySpan<char> W(string text, List<Token> tokens, int i) =>
        i >= 0 && i < tokens.Count ? text.AsSpan(tokens[i].Start, tokens[i].Length) : [];

    private static bool In(WordSet set, ReadOnlySpan<char> word) => set.Contains(word);

    private static bool IsDay(ReadOnlySpan<char> w) => w.Length <= 2 && int.TryParse(w, out int d) && d is >= 1 and <= 31;

    private static bool IsYear(ReadOnlySpan<char> w) => w.Length == 4 && int.TryParse(w, out int y) && y is >= 1800 and <= 2100;

    private static bool IsMonth(NumericVocabulary v, string text, List<Token> tokens, int i) =>
        i < tokens.Count && tokens[i].Kind == TokenKind.Word && CaseFits(v, tokens[i]) && In(v.Months, W(text, tokens, i));

    private static bool CaseFits(NumericVocabulary v, Token t) => v.MonthsCapitalised ? t.Capitalised : !(v.MonthsLowercase && t.Capitalised);

    private static int TryDate(string text, List<Token> tokens, int i, NumericVocabulary v, List<Candidate> output)
    {
        var w = W(text, tokens, i);
        bool english = v == NumericVocabulary.English;
        bool mayBeDateWord = v.MayBeDateWord(w);
        int end = i;
        string sub = "Date";
        if (mayBeDateWord && IsMonth(v, text, tokens, i))
        {
            end = i + 1;
            // The dot of "Sept." belongs to the date; the full stop after "June." does not.
            if (english && w.Length <= 4 && w is not "June" and not "July" && end < tokens.Count && W(text, tokens, end) is "." && tokens[end].Start == tokens[i].End) end++;
            bool hasDay = false;
            if (english && IsDay(W(text, tokens, end))) { end++; hasDay = true; }
            int afterComma = end < tokens.Count && W(text, tokens, end) is "," ? end + 1 : end;
            if (In(v.Links, W(text, tokens, afterComma))) afterComma++; // "marzo de 2024"
            if (IsYear(W(text, tokens, afterComma))) end = afterComma + 1;
            bool bare = end == i + 1 || (end == i + 2 && W(text, tokens, i + 1) is ".");
            // "May" alone is a verb far more often than a month; other bare month names are dates ("in March").
            if (english && bare && w is "May" or "Mar") return i;
            if (bare && !hasDay) sub = "DateRange";
        }
        else if (IsDay(w) && tokens[i].Kind == TokenKind.Number && DayMonth(text, tokens, i + 1, v) is > 0 and int month)
        {
            // "5 March 2024"; "25. Juli", "22 de novembro de 2025", "10 febbraio".
            end = i + 1 + month;
            int year = !english && In(v.Links, W(text, tokens, end)) ? end + 1 : end;
            if (IsYear(W(text, tokens, year))) end = year + 1;
        }
        else if (mayBeDateWord && (In(v.Weekdays, w) || In(v.RelativeDays, w)) && (english || CaseFits(v, tokens[i])))
        {
            end = i + 1;
        }
        else if (!english && mayBeDateWord && In(v.Seasons, w))
        {
            end = i + 1;
            sub = "DateRange";
        }
        else if (tokens[i].Kind == TokenKind.Word && i + 1 < tokens.Count && v.MayBeDateWord(W(text, tokens, i + 1)) && (In(v.Periods, W(text, tokens, i + 1)) || !english && In(v.Weekdays, W(text, tokens, i + 1)) && CaseFits(v, tokens[i + 1])) && v.IsRelativeStart(w))
        {
            // "last week", "diesem Jahr", "volgend jaar"; "este miércoles", "esta terça-feira".
            end = i + 2;
            if (In(v.Periods, W(text, tokens, i + 1))) sub = "DateRange";
        }
        if (end == i) return i;
        output.Add(new Candidate(i, end, EntityCategories.DateTime, sub, 0.85, "date"));
        return end;
    }

    /// <summary>Tokens from <paramref name="i"/> that finish a day number's date: "March" after "5", "Juli" after "25.", "de novembro"; 0 when none.</summary>
    private static int DayMonth(string text, List<Token> tokens, int i, NumericVocabulary v)
    {
        int k = i;
        if (v != NumericVocabulary.English)
        {
            if (W(text, tokens, k) is "." && k < tokens.Count && tokens[k].Start == tokens[k - 1].End) k++;
            if (In(v.Links, W(text, tokens, k))) k++;
        }
        return IsMonth(v, text, tokens, k) ? k + 1 - i : 0;
    }

    private static int TryQuantity(string text, List<Token> tokens, int i, WordSet currencyCodes, NumericVocabulary v, List<Candidate> output)
    {
        int start = i, j = i;
        bool currency = false;
        var w = W(text, tokens, j);
        // Currency prefix: "$", "US$", "R$", "€", or an ISO code ("USD 5 million").
        if (w is "US" or "R" or "A" or "C" or "HK" or "NZ" && W(text, tokens, j + 1) is "$" && tokens[j + 1].Start == tokens[j].End) { j++; w = W(text, tokens, j); }
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
            if (IsHyphenatedDuration(core, v))
            {
                output.Add(new Candidate(j, j + 1, EntityCategories.DateTime, "Duration", 0.75, "duration-word"));
                return j + 1;
            }
            // "Fifth Republic", "Six Nations", "First Citizens": a capitalised number word inside a name is part of the name.
            if (tokens[j].Capitalised && j + 1 < tokens.Count && tokens[j + 1].Kind == TokenKind.Word && tokens[j + 1].Capitalised) return i;
            if (In(v.OrdinalWords, core) || (v == NumericVocabulary.English && core.Equals("second", StringComparison.OrdinalIgnoreCase) && j > 0 && W(text, tokens, j - 1) is "the" or "a" or "its" or "their" or "his" or "her"))
            {
                output.Add(new Candidate(j, j + 1, EntityCategories.Quantity, "Ordinal", 0.8, "ordinal-word"));
                return j + 1;
            }
            if (!In(v.NumberWords, core) && !(core.Equals("one", StringComparison.OrdinalIgnoreCase) && In(v.Scales, W(text, tokens, j + 1))))
                return i;
        }

        if (digitWord)
            return ClassifyDigitWord(text, tokens, start, j, currency, v, output);

        j++;
        // "6 500", "12 000": French typography groups thousands with a space; the first group has one to three digits.
        if (numeric && v.SpaceGroupsThousands && core.Length <= 3 && AllAsciiDigits(core))
            while (j < tokens.Count && tokens[j].Kind == TokenKind.Number && tokens[j].Length == 3 && AllAsciiDigits(W(text, tokens, j))
                   && tokens[j].Start == tokens[j - 1].End + 1 && text[tokens[j - 1].End] is ' ' or '\u00A0' or '\u202F')
                j++;
        // Spelled-out and scaled numbers: "three million", "12.5 billion", "two hundred".
        while (j < tokens.Count && (In(v.Scales, W(text, tokens, j)) || (!numeric && In(v.NumberWords, W(text, tokens, j)))))
            j++;
        // "millones de euros", "milliards d'euros", "miliardi di euro": a link between a scale and its currency.
        if (j > coreStart + 1 && In(v.Links, W(text, tokens, j)) && In(v.CurrencyWords, W(text, tokens, j + 1))) j++;

        var after = W(text, tokens, j);
        string category = EntityCategories.Quantity, sub = "Number";
        double confidence = 0.8;
        if (currency) sub = "Currency";
        else if (after is "%") { sub = "Percentage"; j++; }
        else if (PercentLength(text, tokens, j, v) is > 0 and int percent) { sub = "Percentage"; j += percent; }
        else if (after.Equals("percentage", StringComparison.OrdinalIgnoreCase) && W(text, tokens, j + 1) is "point" or "points") { sub = "Percentage"; j += 2; }
        else if (after.Equals("light", StringComparison.OrdinalIgnoreCase) && W(text, tokens, j + 1) is "year" or "years") { sub = "Dimensions"; j += 2; }
        else if (In(v.CurrencyWords, after) || IsCurrencyCode(currencyCodes, after)) { sub = "Currency"; j++; }
        else if (numeric && j - coreStart == 1 && IsScore(text, tokens, start, j, v)) j += 2;
        else if (numeric && j - coreStart == 1 && In(v.YearUnits, after) && In(v.Links, W(text, tokens, start - 1)) && !In(v.Links, W(text, tokens, j + 1)))
        {
            // "une femme de 78 ans", "el murciano, de 22 años": an age, which the gold rules annotate as the number alone;
            // "une peine de 5 ans de prison" stays a duration.
            sub = "Age";
        }
        else if (In(v.TimeUnits, after))
        {
            category = EntityCategories.DateTime;
            sub = "Duration";
            j++;
            // "6 minutes 17 seconds" is one duration.
            while (j + 1 < tokens.Count && tokens[j].Kind == TokenKind.Number && In(v.TimeUnits, W(text, tokens, j + 1))) j += 2;
        }
        else if (In(v.DimensionUnits, after)) { sub = "Dimensions"; j++; while (In(v.DimensionUnits, W(text, tokens, j))) j++; }
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
    private static int ClassifyDigitWord(string text, List<Token> tokens, int start, int j, bool currency, NumericVocabulary v, List<Candidate> output)
    {
        var w = W(text, tokens, j);
        string category = EntityCategories.Quantity, sub;
        if (w.EndsWith("-year-old", StringComparison.OrdinalIgnoreCase) || w.EndsWith("-years-old", StringComparison.OrdinalIgnoreCase)) sub = "Age";
        else if (IsHyphenatedDuration(w, v)) { category = EntityCategories.DateTime; sub = "Duration"; }
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

    /// <summary>
    /// "venció 2 a 1", "3 x 1": two small numbers joined by the language's score word, neither a range ("de 2 a 5") nor
    /// measured by a unit after it ("10 a 15 grados").
    /// </summary>
    private static bool IsScore(string text, List<Token> tokens, int start, int link, NumericVocabulary v)
    {
        if (!In(v.ScoreLinks, W(text, tokens, link)) || link + 1 >= tokens.Count || tokens[link + 1].Kind != TokenKind.Number) return false;
        if (!IsGoals(W(text, tokens, link - 1)) || !IsGoals(W(text, tokens, link + 1)) || In(v.Links, W(text, tokens, start - 1))) return false;
        var unit = W(text, tokens, link + 2);
        return !(unit is "%" || In(v.TimeUnits, unit) || In(v.DimensionUnits, unit) || In(v.CurrencyWords, unit) || In(v.Scales, unit) || PercentLength(text, tokens, link + 2, v) > 0);
    }

    private static bool IsGoals(ReadOnlySpan<char> w) => w.Length <= 2 && AllAsciiDigits(w);

    /// <summary>"87-year", "three-year", "10-day": a number and a time unit joined by a hyphen.</summary>
    private static bool IsHyphenatedDuration(ReadOnlySpan<char> w, NumericVocabulary v)
    {
        int dash = w.IndexOf('-');
        if (dash <= 0 || dash == w.Length - 1 || w[(dash + 1)..].Contains('-')) return false;
        var number = w[..dash];
        return In(v.TimeUnits, w[(dash + 1)..]) && (AllDigits(number) || In(v.NumberWords, number));
    }

    /// <summary>Tokens of the language's percentage word at <paramref name="j"/> ("percent", "per cent", "Prozent", "por ciento"); 0 when none.</summary>
    private static int PercentLength(string text, List<Token> tokens, int j, NumericVocabulary v)
    {
        foreach (var words in v.Percent)
        {
            int k = 0;
            while (k < words.Length && W(text, tokens, j + k).Equals(words[k], StringComparison.OrdinalIgnoreCase)) k++;
            if (k == words.Length) return k;
        }
        return 0;
    }

    private static bool AllAsciiDigits(ReadOnlySpan<char> w) => !w.IsEmpty && !w.ContainsAnyExceptInRange('0', '9');

    private static bool AllDigits(ReadOnlySpan<char> w)
    {
        if (w.IsEmpty) return false;
        foreach (char c in w) if (!char.IsDigit(c) && c != '.' && c != ',') return false;
        return true;
    }

    private static bool IsMeridiem(ReadOnlySpan<char> w) =>
        w.Equals("am", StringComparison.OrdinalIgnoreCase) || w.Equals("pm", StringComparison.OrdinalIgnoreCase) || w is "a.m." or "p.m.";

    private static bool IsCurrencyCode(WordSet codes, ReadOnlySpan<char> w) => w.Length == 3 && In(codes, w);
}
