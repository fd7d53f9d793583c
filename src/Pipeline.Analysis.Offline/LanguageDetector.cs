using System.Globalization;
using System.Runtime.InteropServices;
using Pipeline.Analysis.Text;

namespace Pipeline.Analysis.Offline;

/// <summary>
/// Script first (Arabic, Han, Kana, Hangul, Greek, Hebrew, Devanagari, Thai, Cyrillic, Latin), then, within Latin
/// and Cyrillic, votes from each language's most frequent function words plus letters only one language uses.
/// </summary>
internal sealed class LanguageDetector(OfflineData data)
{
    public static readonly DetectedLanguage Unknown = new("(Unknown)", "(Unknown)", 0);

    /// <summary>Scripts are counted over this many characters at most: enough to decide, and keeps long texts cheap.</summary>
    private const int ScriptSample = 4000;

    private enum Script { Latin, Cyrillic, Arabic, Han, Kana, Hangul, Greek, Hebrew, Devanagari, Thai, Count }

    public DetectedLanguage Detect(string text, List<Token> tokens)
    {
        Span<int> counts = stackalloc int[(int)Script.Count];
        int limit = Math.Min(text.Length, ScriptSample), letters = 0;
        for (int i = 0; i < limit; i++)
        {
            char c = text[i];
            if (!char.IsLetter(c)) continue;
            letters++;
            var script = ScriptOf(c);
            if (script is { } s) counts[(int)s]++;
        }
        if (letters == 0) return Unknown;

        int best = 0;
        for (int s = 1; s < (int)Script.Count; s++) if (counts[s] > counts[best]) best = s;
        double share = (double)counts[best] / letters;
        switch ((Script)best)
        {
            case Script.Arabic: return Make("ar", share);
            case Script.Kana: return Make("ja", share);
            case Script.Han: return counts[(int)Script.Kana] * 10 >= counts[best] ? Make("ja", share) : Make("zh", share);
            case Script.Hangul: return Make("ko", share);
            case Script.Greek: return Make("el", share);
            case Script.Hebrew: return Make("he", share);
            case Script.Devanagari: return Make("hi", share);
            case Script.Thai: return Make("th", share);
        }
        return VoteByWords(text, tokens, (Script)best == Script.Cyrillic);
    }

    /// <summary>The hint the caller gave, named in English; confidence 1 because it is not a guess.</summary>
    public DetectedLanguage FromHint(string hint)
    {
        string iso = hint.Split('-', '_')[0].Trim().ToLowerInvariant();
        return new DetectedLanguage(iso, NameOf(iso), 1.0);
    }

    private DetectedLanguage VoteByWords(string text, List<Token> tokens, bool cyrillic)
    {
        var votes = new Dictionary<string, double>(StringComparer.Ordinal);
        var lookup = data.DetectionWords.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> lower = stackalloc char[32];
        int words = 0;
        foreach (var t in tokens)
        {
            if (t.Kind != TokenKind.Word || t.Length > lower.Length) continue;
            words++;
            int n = text.AsSpan(t.Start, t.Length).ToLowerInvariant(lower);
            if (n < 0) continue;
            if (!lookup.TryGetValue(lower[..n], out var word)) continue;
            if (word.Languages is { } langs)
            {
                foreach (var lang in langs) CollectionsMarshal.GetValueRefOrAddDefault(votes, lang, out _) += 1.0 / langs.Length;
                continue;
            }
            // A short text has few of the most frequent words; the longer stop-word lists still tell "dit", "loi" or
            // "sono" apart, at a quarter of the weight.
            foreach (var lang in word.StopWordLanguages!) CollectionsMarshal.GetValueRefOrAddDefault(votes, lang, out _) += 0.25 / word.StopWordLanguages.Length;
        }
        // Letters that only one of the candidate languages writes tip close votes.
        int limit = Math.Min(text.Length, ScriptSample);
        for (int i = 0; i < limit; i++)
        {
            string? lang = char.ToLowerInvariant(text[i]) switch
            {
                'і' or 'ї' or 'є' or 'ґ' => "uk",
                'ы' or 'э' or 'ъ' or 'ё' => "ru",
                'ß' or 'ä' or 'ö' or 'ü' => "de",
                'ñ' or '¿' or '¡' => "es",
                'ã' or 'õ' => "pt",
                'ł' or 'ą' or 'ę' or 'ś' or 'ć' or 'ź' or 'ż' or 'ń' => "pl",
                'ĳ' => "nl",
                'è' or 'ù' or 'ì' or 'ò' => "it",
                'ê' or 'ë' or 'î' or 'œ' => "fr",
                _ => null,
            };
            if (lang is not null && (lang is "uk" or "ru") == cyrillic) votes[lang] = votes.GetValueOrDefault(lang) + 0.5;
        }
        string? best = null;
        double bestVote = 0, total = 0;
        foreach (var (lang, vote) in votes)
        {
            if ((lang is "uk" or "ru") != cyrillic) continue;
            total += vote;
            if (vote > bestVote) { best = lang; bestVote = vote; }
        }
        if (best is null) return cyrillic ? Make("ru", 0.3) : words > 0 ? Make("en", 0.2) : Unknown;
        // Confidence: the winner's share of the votes, damped when there were few votes to go on.
        double confidence = bestVote / total * Math.Min(1, 0.4 + total / 8);
        return Make(best, confidence);
    }

    private DetectedLanguage Make(string iso, double confidence) => new(iso, NameOf(iso), Math.Round(Math.Clamp(confidence, 0, 1), 2));

    private string NameOf(string iso)
    {
        if (data.LanguageNames.TryGetValue(iso, out var name)) return name;
        try
        {
            var culture = CultureInfo.GetCultureInfo(iso);
            return culture.EnglishName.StartsWith("Unknown", StringComparison.Ordinal) ? iso : culture.EnglishName;
        }
        catch (CultureNotFoundException)
        {
            return iso;
        }
    }

    private static Script? ScriptOf(char c) => c switch
    {
        <= '\u024F' => Script.Latin,
        >= '\u1E00' and <= '\u1EFF' => Script.Latin,
        >= '\u0370' and <= '\u03FF' => Script.Greek,
        >= '\u0400' and <= '\u052F' => Script.Cyrillic,
        >= '\u0590' and <= '\u05FF' => Script.Hebrew,
        >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF' => Script.Arabic,
        >= '\u0900' and <= '\u097F' => Script.Devanagari,
        >= '\u0E00' and <= '\u0E7F' => Script.Thai,
        >= '\u3040' and <= '\u30FF' or >= '\u31F0' and <= '\u31FF' or >= '\uFF66' and <= '\uFF9F' => Script.Kana,
        >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF' => Script.Han,
        >= '\uAC00' and <= '\uD7AF' or >= '\u1100' and <= '\u11FF' => Script.Hangul,
        _ => null,
    };
}
