using System.CommandLine;
using System.Diagnostics;
using Pipeline.Analysis;
using Pipeline.Analysis.Offline.Evaluation;
using Pipeline.Analysis.Offline;

using Pipeline.Local.Hosting;

namespace Pipeline.Local.Commands;

/// <summary>
/// <c>eval</c>: the offline analyzer's quality report, with the same code as the gold-set tests: entity P/R/F1 per
/// category (exact span and overlap) and a calibration table per gold set, sentiment accuracy per labelled fixture,
/// and the analyzer's start-up time and working set. <c>--write-calibration</c> regenerates the confidence table
/// from the development sets.
/// </summary>
internal static class EvalCommand
{
    /// <summary>The gold sets whose errors were read while writing rules; heldout2 is the only unseen one.</summary>
    private static readonly string[] Development = ["gold", "heldout", "dev3"];

    public static Command Create()
    {
        var data = new Option<DirectoryInfo?>("--data")
        {
            Description = "Folder holding Gold/*.jsonl and Fixtures/*.json (default: the repository's tests/Pipeline.Analysis.Offline.Tests).",
        };
        var gold = new Option<string[]>("--gold") { Description = "Gold sets to score (names under Gold/, without .jsonl; none: --gold alone).", DefaultValueFactory = _ => ["gold", "heldout", "dev3", "heldout2"], AllowMultipleArgumentsPerToken = true, Arity = ArgumentArity.ZeroOrMore };
        var fixtures = new Option<string[]>("--sentiment") { Description = "Labelled sentence fixtures under Fixtures/ (none: --sentiment alone).", DefaultValueFactory = _ => ["amazon.json", "yelp.json", "imdb.json"], AllowMultipleArgumentsPerToken = true, Arity = ArgumentArity.ZeroOrMore };
        var mode = new Option<OfflineAnalyzerMode>("--mode") { Description = "Fast (rules) or Accurate (MiniLM sentiment).", DefaultValueFactory = _ => OfflineAnalyzerMode.Fast };
        var errors = new Option<bool>("--errors") { Description = "List every miss and false positive." };
        var language = new Option<string>("--language")
        {
            Description = "en: the English gold sets and fixtures; de, fr, es, it, nl or pt: that language's gold sets (<lang>-dev, <lang>-heldout, <lang>-heldout2, <lang>-heldout3 and their sentiment sets) in detail; all: English, then a per-language table.",
            DefaultValueFactory = _ => "all",
        };
        language.AcceptOnlyFromAmong(["all", "en", .. Languages]);
        var sets = new Option<string[]>("--sets") { Description = "Which of a language's sets to score: dev, heldout, heldout2, heldout3 (default all four).", DefaultValueFactory = _ => [.. LanguageSets], AllowMultipleArgumentsPerToken = true };
        sets.AcceptOnlyFromAmong(LanguageSets);
        var calibration = new Option<FileInfo?>("--write-calibration") { Description = "Write the per-rule confidence table measured on the development sets (gold, heldout, dev3) to this file." };
        var command = new Command("eval", "Score the offline analyzer on the gold sets and labelled sentiment sentences.") { data, gold, fixtures, mode, errors, calibration, language, sets };
        command.SetAction(parse => Run(parse.GetValue(data) ?? RepositoryData(), parse.GetValue(gold)!, parse.GetValue(fixtures)!, parse.GetValue(mode), parse.GetValue(errors), parse.GetValue(calibration),
            parse.GetValue(language)!, parse.GetValue(sets)!));
        return command;
    }

    /// <summary>
    /// The gold sets and fixtures in the repository, looked up when the command runs, not as --data's default value: the
    /// parser computes defaults while it parses, `eval --help` too and before any error handling, so outside the
    /// repository the lookup ended in a stack trace.
    /// </summary>
    private static DirectoryInfo RepositoryData() =>
        EmbeddedAzurite.FindRepositoryRoot() is { } root
            ? new DirectoryInfo(Path.Combine(root, "tests", "Pipeline.Analysis.Offline.Tests"))
            : throw new InvalidOperationException("The gold sets are in the Pipeline repository: run inside it (package.json and Pipeline.sln not found), or pass --data <folder>.");

    /// <summary>The languages with gold sets of their own (issue #16).</summary>
    private static readonly string[] Languages = ["de", "fr", "es", "it", "nl", "pt"], LanguageSets = ["dev", "heldout", "heldout2", "heldout3"];

    private static int Run(DirectoryInfo data, string[] goldSets, string[] fixtures, OfflineAnalyzerMode mode, bool errors, FileInfo? calibration, string language, string[] sets)
    {
        // Start-up as a host sees it: construction plus the first analysis (data load, and the model in Accurate mode).
        var watch = Stopwatch.StartNew();
        var analyzer = new OfflineTextAnalyzer(new OfflineAnalyzerOptions { Mode = mode }, mode == OfflineAnalyzerMode.Accurate ? Pipeline.Analysis.MiniLM.MiniLmSentiment.Instance : null);
        double constructed = watch.Elapsed.TotalMilliseconds;
        analyzer.Analyze(new AnalysisDocument("warm-up", "The European Commission welcomed the plan, a spokesperson said in Brussels.", null));
        double firstAnalysis = watch.Elapsed.TotalMilliseconds;

        Console.WriteLine($"Offline analyzer {OfflineTextAnalyzer.Version}, mode {mode}");
        Console.WriteLine($"Start-up: construction {constructed:F0} ms, construction + first analysis {firstAnalysis:F0} ms");
        Console.WriteLine();

        if (calibration is not null)
        {
            var development = Development.SelectMany(s => AnalyzerEvaluation.LoadGold(Path.Combine(data.FullName, "Gold", s + ".jsonl")));
            var table = EntityCalibration.Measure(development, analyzer.AnalyzeWithRules);
            File.WriteAllText(calibration.FullName, EntityCalibration.ToTsv(table));
            Console.WriteLine($"Wrote {table.Count} calibrated rules to {calibration.FullName} (rebuild to embed it).");
            Console.WriteLine();
        }

        if (language == "en" && Environment.GetEnvironmentVariable("PIPELINE_EVAL_THROUGHPUT") == "1")
            PrintThroughput("en", AnalyzerEvaluation.LoadGold(Path.Combine(data.FullName, "Gold", "gold.jsonl")), analyzer);
        if (language != "en" && language != "all")
        {
            var rows = EvaluateLanguage(data, language, sets, analyzer, detailed: true, errors);
            Console.WriteLine($"Per language ({language}; exact-span F1, sentiment accuracy over positive / neutral / negative):");
            Console.WriteLine(AnalyzerEvaluation.FormatLanguages(rows));
            PrintMemory();
            return 0;
        }

        var loaded = goldSets.ToDictionary(set => set, set => AnalyzerEvaluation.LoadGold(Path.Combine(data.FullName, "Gold", set + ".jsonl")));
        foreach (var (set, paragraphs) in loaded)
            Console.WriteLine(AnalyzerEvaluation.FormatEntities(AnalyzerEvaluation.EvaluateEntities(set, paragraphs, analyzer.Analyze), errors));
        if (Development.All(loaded.ContainsKey))
        {
            // The confidences are fitted on these together, so this is where the calibration table should hold exactly.
            var pooled = AnalyzerEvaluation.EvaluateEntities("development (gold + heldout + dev3, the sets the confidences are fitted on)",
                Development.SelectMany(set => loaded[set]).ToList(), analyzer.Analyze);
            Console.WriteLine(AnalyzerEvaluation.FormatEntities(pooled, withErrors: false));
        }

        var sentiment = new List<SentimentEvaluation>();
        foreach (var fixture in fixtures)
        {
            var sentimentWatch = Stopwatch.StartNew();
            var result = AnalyzerEvaluation.EvaluateSentiment(fixture, Path.Combine(data.FullName, "Fixtures", fixture), analyzer.Analyze);
            sentiment.Add(result);
            Console.Error.WriteLine($"  {fixture}: {result.Sentences} sentences in {sentimentWatch.Elapsed.TotalSeconds:F1} s");
        }
        Console.WriteLine("Sentiment (labelled review sentences):");
        Console.WriteLine(AnalyzerEvaluation.FormatSentiment(sentiment));

        if (language == "all")
        {
            var rows = Languages.SelectMany(l => EvaluateLanguage(data, l, sets, analyzer, detailed: false, errors: false)).ToList();
            Console.WriteLine("Per language (exact-span F1, sentiment accuracy over positive / neutral / negative):");
            Console.WriteLine(AnalyzerEvaluation.FormatLanguages(rows));
        }
        PrintMemory();
        return 0;
    }

    /// <summary>A language's dev and held-out sets, those that exist: the gold sets are added as they are written.</summary>
    private static List<AnalyzerEvaluation.LanguageRow> EvaluateLanguage(DirectoryInfo data, string language, string[] sets, OfflineTextAnalyzer analyzer, bool detailed, bool errors)
    {
        var rows = new List<AnalyzerEvaluation.LanguageRow>();
        foreach (var set in LanguageSets.Where(sets.Contains))
        {
            // Held-out sets are scored, never read: their misses are not listed.
            bool listErrors = errors && set == "dev";
            string entities = Path.Combine(data.FullName, "Gold", $"{language}-{set}.jsonl"), sentences = Path.Combine(data.FullName, "Gold", $"{language}-sentiment-{set}.jsonl");
            EntityEvaluation? entityResult = null;
            SentimentEvaluation? sentimentResult = null;
            if (File.Exists(entities))
            {
                entityResult = AnalyzerEvaluation.EvaluateEntities($"{language}-{set}", AnalyzerEvaluation.LoadGold(entities), analyzer.Analyze, language);
                if (detailed) Console.WriteLine(AnalyzerEvaluation.FormatEntities(entityResult, listErrors));
            }
            if (File.Exists(sentences))
            {
                var misses = listErrors ? new List<string>() : null;
                sentimentResult = AnalyzerEvaluation.EvaluateLabelledSentences($"{language}-sentiment-{set}", sentences, analyzer.Analyze, language, misses);
                if (misses is { Count: > 0 })
                {
                    Console.WriteLine($"Sentiment misses on {language}-sentiment-{set}:");
                    foreach (var m in misses) Console.WriteLine("  " + m);
                    Console.WriteLine();
                }
            }
            if (detailed) PrintDetection(data, language, set, analyzer);
            if (detailed && set == "dev" && File.Exists(entities)) PrintThroughput(language, AnalyzerEvaluation.LoadGold(entities), analyzer);
            if (entityResult is not null || sentimentResult is not null) rows.Add(new AnalyzerEvaluation.LanguageRow(language, set, entityResult, sentimentResult));
        }
        if (rows.Count == 0) rows.Add(new AnalyzerEvaluation.LanguageRow(language, "(no gold set yet)", null, null));
        return rows;
    }

    /// <summary>How often the detector, given no hint, names the language of the set's paragraphs and (shorter) sentences.</summary>
    private static void PrintDetection(DirectoryInfo data, string language, string set, OfflineTextAnalyzer analyzer)
    {
        var texts = new List<string>();
        string entities = Path.Combine(data.FullName, "Gold", $"{language}-{set}.jsonl"), sentences = Path.Combine(data.FullName, "Gold", $"{language}-sentiment-{set}.jsonl");
        if (File.Exists(entities)) texts.AddRange(AnalyzerEvaluation.LoadGold(entities).Select(g => g.Text));
        if (File.Exists(sentences)) texts.AddRange(File.ReadLines(sentences).Where(l => l.Trim().Length > 0).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("text").GetString() ?? ""));
        if (texts.Count == 0) return;
        var detected = texts.Select(t => analyzer.Analyze(new AnalysisDocument("detect", t, null)).Language).ToList();
        int right = detected.Count(d => d.Iso6391Name == language);
        Console.WriteLine($"Language detection on {language}-{set} without a hint: {right} of {texts.Count} texts detected as {language}, mean confidence {detected.Average(d => d.ConfidenceScore):F2}");
        Console.WriteLine();
    }

    /// <summary>Articles of 3,000 characters a second on one thread, each made of the set's paragraphs in turn.</summary>
    private static void PrintThroughput(string language, List<GoldParagraph> paragraphs, OfflineTextAnalyzer analyzer)
    {
        var articles = new List<string>();
        for (int start = 0; start < paragraphs.Count; start++)
        {
            var text = new System.Text.StringBuilder();
            for (int k = start; text.Length < 3000; k = (k + 1) % paragraphs.Count) text.Append(paragraphs[k].Text).Append("\n\n");
            articles.Add(text.ToString(0, 3000));
        }
        for (int i = 0; i < 3 * articles.Count; i++) analyzer.Analyze(new AnalysisDocument("warm-up", articles[i % articles.Count], language));
        // Processor time, not wall time: on a shared machine the wall clock measures the neighbours too.
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        int done = 0;
        while (watch.ElapsedMilliseconds < 1500 || done < 300)
            analyzer.Analyze(new AnalysisDocument("bench", articles[done++ % articles.Count], language));
        process.Refresh();
        double seconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine($"Throughput ({language}, language given): {done / seconds:F0} articles of 3,000 characters per processor-second ({done / watch.Elapsed.TotalSeconds:F0} a wall-clock second), one thread");
        Console.WriteLine();
    }

    private static void PrintMemory()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine($"Working set: {process.WorkingSet64 / (1024.0 * 1024):F0} MB now, {process.PeakWorkingSet64 / (1024.0 * 1024):F0} MB peak; managed heap {GC.GetTotalMemory(false) / (1024.0 * 1024):F0} MB");
    }
}
