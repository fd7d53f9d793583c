using System.CommandLine;
using System.Diagnostics;
using Pipeline.Runtime;
using Pipeline.Local.Hosting;

namespace Pipeline.Local.Commands;

/// <summary><c>ingest &lt;file-or-folder&gt;...</c>: uploads articles into a running pipeline and, with --wait, reports how each one ended.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<FileSystemInfo[]>("paths") { Description = "Article files, or folders whose files are uploaded under their relative paths.", Arity = ArgumentArity.OneOrMore };
        var wait = new Option<bool>("--wait") { Description = "Wait until every file is summarised, quarantined or poisoned, and print the outcome." };
        var timeout = new Option<int>("--timeout") { Description = "With --wait: seconds to wait before reporting what is still pending.", DefaultValueFactory = _ => 120 };
        var command = new Command("ingest", "Upload article files into the articles container of a running pipeline.") { paths, wait, timeout };
        return command.WithStorage((parse, storage, output, cancellationToken) =>
            IngestAsync(storage, output, parse.InvocationConfiguration.Error, parse.GetValue(paths)!, parse.GetValue(wait), TimeSpan.FromSeconds(parse.GetValue(timeout)), cancellationToken));
    }

    private static async Task<int> IngestAsync(PipelineStorage storage, TextWriter output, TextWriter error, FileSystemInfo[] paths, bool wait, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var files = new List<(FileInfo File, string Name)>();
        foreach (var path in paths)
        {
            if (path is DirectoryInfo { Exists: true } folder)
                files.AddRange(folder.EnumerateFiles("*", SearchOption.AllDirectories).OrderBy(f => f.FullName, StringComparer.Ordinal)
                    .Select(f => (f, Path.GetRelativePath(folder.FullName, f.FullName).Replace('\\', '/'))));
            else if (path is FileInfo { Exists: true } file)
                files.Add((file, file.Name));
            else
            {
                await error.WriteLineAsync($"{path.FullName} does not exist.").ConfigureAwait(false);
                return 1;
            }
        }

        var tracker = new ArticleTracker(storage);
        var progress = new ProgressLine(output, "Uploading", files.Count);
        var uploads = new UploadedArticle[files.Count];
        int done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, files.Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            await using var stream = files[i].File.OpenRead();
            uploads[i] = await tracker.UploadAsync(files[i].Name, stream, ct).ConfigureAwait(false);
            progress.Report(Interlocked.Increment(ref done));
        }).ConfigureAwait(false);
        progress.Complete($"Uploaded {files.Count} file(s).");

        if (!wait)
        {
            foreach (var upload in uploads)
                await output.WriteLineAsync($"uploaded     {upload.Name}  (article {upload.ArticleId})").ConfigureAwait(false);
            return 0;
        }

        var settling = new ProgressLine(output, "Processed", uploads.Length);
        var clock = Stopwatch.StartNew();
        IReadOnlyList<TrackedArticle> results;
        while (true)
        {
            results = await tracker.CheckAsync(uploads, cancellationToken).ConfigureAwait(false);
            int settled = results.Count(r => r.State != ArticleState.InFlight);
            settling.Report(settled);
            if (settled == results.Count || clock.Elapsed > timeout) break;
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
        }
        settling.Complete($"Processed {results.Count(r => r.State != ArticleState.InFlight)} of {results.Count} file(s) in {clock.Elapsed.TotalSeconds:F1} s.");

        foreach (var result in results)
        {
            string state = result.State == ArticleState.InFlight ? "pending" : result.State.ToString().ToLowerInvariant();
            await output.WriteLineAsync($"{state,-12} {result.Article.Name}{(result.Detail is null ? "" : ": " + result.Detail)}").ConfigureAwait(false);
        }
        return results.All(r => r.State == ArticleState.Summarised) ? 0 : 2;
    }

    /// <summary>"Uploading [#####.....] 5/10", redrawn in place on a terminal; on redirected output only the closing line is written.</summary>
    private sealed class ProgressLine(TextWriter output, string label, int total)
    {
        private const int Width = 30;
        private readonly bool _inPlace = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        private readonly Lock _lock = new();
        private int _shown = -1;

        public void Report(int count)
        {
            if (!_inPlace) return;
            lock (_lock)
            {
                if (count <= _shown) return;
                _shown = count;
                int filled = total == 0 ? Width : count * Width / total;
                output.Write($"\r{label} [{new string('#', filled)}{new string('.', Width - filled)}] {count}/{total}");
            }
        }

        public void Complete(string summary)
        {
            lock (_lock)
            {
                if (_inPlace) output.Write("\r" + new string(' ', label.Length + Width + 24) + "\r");
                output.WriteLine(summary);
            }
        }
    }
}
