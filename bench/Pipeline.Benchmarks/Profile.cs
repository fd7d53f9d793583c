using System.Diagnostics;
using Pipeline.Core.Analysis.Offline;
using Pipeline.Core.Text;

namespace Pipeline.Benchmarks;

/// <summary>"profile": where the time of a 3,000-character gold article goes, stage by stage (Stopwatch, second of two rounds).</summary>
internal static class Profile
{
    public static void Run()
    {
        var data = OfflineData.Instance;
        var entities = new EntityRecognizer(data);
        var sentiment = new SentimentScorer(data);
        var languages = new LanguageDetector(data);
        var gold = Articles.Gold();
        var times = new double[5];
        for (int round = 0; round < 2; round++)
        {
            Array.Clear(times);
            for (int i = 0; i < 1000; i++)
            {
                string text = gold[i % gold.Count];
                long t0 = Stopwatch.GetTimestamp();
                var tokens = Tokenizer.Tokenize(text);
                long t1 = Stopwatch.GetTimestamp();
                var lang = languages.Detect(text, tokens);
                var sentences = SentenceSplitter.Split(text, tokens);
                long t2 = Stopwatch.GetTimestamp();
                var c = entities.Recognize(text, tokens, sentences, true);
                long t3 = Stopwatch.GetTimestamp();
                foreach (var s in sentences) sentiment.ScoreSentence(text, tokens, s.Start, s.End);
                long t4 = Stopwatch.GetTimestamp();
                KeyPhraseExtractor.Extract(text, tokens, data.StopWords["en"], c);
                long t5 = Stopwatch.GetTimestamp();
                times[0] += t1 - t0; times[1] += t2 - t1; times[2] += t3 - t2; times[3] += t4 - t3; times[4] += t5 - t4;
            }
        }
        string[] names = ["tokenize", "language+split", "entities", "sentiment", "keyphrases"];
        for (int k = 0; k < 5; k++) Console.WriteLine($"{names[k],-15} {times[k] / Stopwatch.Frequency * 1e6 / 1000:F0} us/article");
    }
}
