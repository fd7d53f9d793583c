using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Hosting;
using Pipeline.Summary;
using Pipeline.Ingestion.Enrichment;
using Pipeline.Ingestion.Parsing;
using Pipeline.Local.Hosting;

namespace Pipeline.Local.Commands;

/// <summary><c>analyze &lt;file&gt;</c>: one local file through parsing and analysis, no storage at all.</summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "An article file (.txt, .md, .html, .json)." };
        var json = new Option<bool>("--json") { Description = "Print the enriched document as JSON." };
        var command = new Command("analyze", "Parse and analyse one local file and print its enriched document.") { file, json };
        command.SetAction((parse, cancellationToken) => AnalyzeAsync(parse.GetValue(file)!, parse.GetValue(json), cancellationToken));
        return command;
    }

    private static async Task<int> AnalyzeAsync(FileInfo file, bool json, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        await using var services = new ServiceCollection().AddLogging().AddPipeline(configuration).AddSelectedAnalyzer(configuration).BuildServiceProvider();
        var enricher = services.GetRequiredService<ArticleEnricher>();

        EnrichedArticle article;
        try
        {
            byte[] content = await File.ReadAllBytesAsync(file.FullName, cancellationToken).ConfigureAwait(false);
            article = await enricher.EnrichAsync(new BlobSnapshot("local", file.Name, "\"file\"", file.LastWriteTimeUtc), content, cancellationToken).ConfigureAwait(false);
        }
        catch (ArticleRejectedException rejected)
        {
            Console.Error.WriteLine($"Rejected ({rejected.Reason}): {rejected.Message}");
            return 3;
        }

        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(article, CommonOptions.IndentedJson.GetTypeInfo(typeof(EnrichedArticle))));
            return 0;
        }
        Console.WriteLine($"{article.Title}\n  language {article.Language.Iso6391Name}, {article.Statistics.Words} words, {article.Statistics.Chunks} chunk(s), sentiment {article.Sentiment.Label}");
        foreach (var group in article.Entities.GroupBy(e => e.Category))
            Console.WriteLine($"  {group.Key}: {string.Join(", ", group.Select(e => e.Text).Distinct())}");
        Console.WriteLine($"  key phrases: {string.Join(", ", article.KeyPhrases)}");
        return 0;
    }
}
