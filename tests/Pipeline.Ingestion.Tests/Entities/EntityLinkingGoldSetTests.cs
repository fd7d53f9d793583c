using Pipeline.Analysis.Entities;
using Xunit.Abstractions;

namespace Pipeline.Ingestion.Tests.Entities;

/// <summary>
/// The linker's accuracy on Fixtures/linking-gold.txt: hand-linked mentions in English, German, French and Spanish
/// paragraphs. The mentions are given (recognition is measured elsewhere), so this measures linking alone.
/// </summary>
public class EntityLinkingGoldSetTests(ITestOutputHelper output)
{
    private sealed record GoldMention(string Text, string Category, string Id);

    private sealed record GoldParagraph(string Language, string Text, List<GoldMention> Mentions);

    private static List<GoldParagraph> ReadGold()
    {
        var paragraphs = new List<GoldParagraph>();
        foreach (string line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Entities", "Fixtures", "linking-gold.txt")))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            if (line.StartsWith("> [", StringComparison.Ordinal))
            {
                int close = line.IndexOf(']', StringComparison.Ordinal);
                paragraphs.Add(new GoldParagraph(line[3..close], line[(close + 2)..], []));
                continue;
            }
            string[] fields = line.Split('\t');
            paragraphs[^1].Mentions.Add(new GoldMention(fields[0], fields[1], fields[2]));
        }
        return paragraphs;
    }

    [Fact]
    public void Links_at_least_nine_in_ten_gold_mentions_to_their_canonical_id()
    {
        var gold = ReadGold();
        var results = new List<(string Language, GoldMention Gold, string? Linked)>();
        foreach (var paragraph in gold)
        {
            var mentions = new List<EntityMention>();
            int from = 0;
            foreach (var mention in paragraph.Mentions)
            {
                int offset = paragraph.Text.IndexOf(mention.Text, from, StringComparison.Ordinal);
                Assert.True(offset >= 0, $"Gold mention '{mention.Text}' is not in order in: {paragraph.Text}");
                mentions.Add(new EntityMention(mention.Text, mention.Category, null, offset, mention.Text.Length, 1));
                from = offset + mention.Text.Length;
            }
            var linked = EntityCanonicalizer.Default.Canonicalize(paragraph.Text, mentions);
            results.AddRange(paragraph.Mentions.Zip(linked, (g, l) => (paragraph.Language, g, l.Canonical?.Id)));
        }

        foreach (var group in results.GroupBy(r => r.Language))
            output.WriteLine($"{group.Key}: {group.Count(r => r.Linked == r.Gold.Id)}/{group.Count()} = {Accuracy(group):F3}");
        foreach (var miss in results.Where(r => r.Linked != r.Gold.Id))
            output.WriteLine($"miss [{miss.Language}] {miss.Gold.Text} ({miss.Gold.Category}): gold {miss.Gold.Id}, linked {miss.Linked}");
        double accuracy = Accuracy(results);
        output.WriteLine($"Canonical-id accuracy: {results.Count(r => r.Linked == r.Gold.Id)}/{results.Count} = {accuracy:F3} over {gold.Count} paragraphs");

        Assert.True(gold.Count >= 40 && results.Count >= 200, "The gold set is at least 200 mentions in 40 paragraphs.");
        Assert.True(accuracy >= 0.90, $"Canonical-id accuracy {accuracy:F3} is below 0.90.");
    }

    private static double Accuracy(IEnumerable<(string Language, GoldMention Gold, string? Linked)> results) =>
        results.Count(r => r.Linked == r.Gold.Id) / (double)results.Count();
}
