using System.CommandLine;
using Pipeline.Local.Hosting;
using Pipeline.Runtime;

namespace Pipeline.Local.Commands;

/// <summary><c>retract &lt;name&gt;...</c>: deletes article blobs and waits until the summary no longer counts them.</summary>
internal static class RetractCommand
{
    public static Command Create()
    {
        var names = new Argument<string[]>("names") { Description = "Blob names in the articles container (as `status` and the dashboard show them).", Arity = ArgumentArity.OneOrMore };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the summary to take the articles out.", DefaultValueFactory = _ => 60 };
        var command = new Command("retract", "Delete article blobs and wait until the summary no longer counts them (what deleting them in storage does).") { names, timeout };
        return command.WithStorage((parse, storage, output, cancellationToken) =>
            RetractAsync(storage, output, parse.InvocationConfiguration.Error, parse.GetValue(names)!, TimeSpan.FromSeconds(parse.GetValue(timeout)), cancellationToken));
    }

    private static async Task<int> RetractAsync(PipelineStorage storage, TextWriter output, TextWriter error, string[] names, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var tracker = new ArticleTracker(storage);
        var deleted = new List<UploadedArticle>();
        foreach (string name in names.Distinct(StringComparer.Ordinal))
        {
            if (await tracker.DeleteAsync(name, cancellationToken).ConfigureAwait(false) is { } article)
                deleted.Add(article);
            else
                await error.WriteLineAsync($"No article blob {name} to delete (it is gone already, or was replaced while deleting).").ConfigureAwait(false);
        }
        if (deleted.Count == 0)
            return 1;

        // Right after the delete the article still reads as summarised: wait for the retraction itself.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var results = await tracker.WaitUntilAsync(deleted, check => check.All(r => r.State == ArticleState.Retracted), timeout, TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
        foreach (var result in results)
        {
            string state = result.State == ArticleState.Retracted ? "retracted" : "still counted";
            await output.WriteLineAsync($"{state,-14} {result.Article.Name}  (article {result.Article.ArticleId})").ConfigureAwait(false);
        }
        int retracted = results.Count(r => r.State == ArticleState.Retracted);
        await output.WriteLineAsync($"Retracted {retracted} of {results.Count} in {clock.Elapsed.TotalSeconds:F1} s.").ConfigureAwait(false);
        return retracted == results.Count && deleted.Count == names.Distinct(StringComparer.Ordinal).Count() ? 0 : 2;
    }
}
