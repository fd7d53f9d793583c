using System.CommandLine;
using Pipeline.Local.Generation;

namespace Pipeline.Local.Commands;

/// <summary><c>generate &lt;folder&gt; --count N</c>: writes deterministic synthetic articles for load runs.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "Where to write the articles (created if missing)." };
        var count = new Option<int>("--count") { Description = "How many articles.", DefaultValueFactory = _ => 500 };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed writes the same files.", DefaultValueFactory = _ => 20261128 };
        var command = new Command("generate", "Write deterministic synthetic articles (mixed formats, 300 to 20,000 characters).") { folder, count, seed };
        command.SetAction(parse =>
        {
            var target = parse.GetValue(folder)!;
            long bytes = 0;
            int written = 0;
            foreach (var (name, content) in ArticleGenerator.Generate(parse.GetValue(count), parse.GetValue(seed)))
            {
                string path = Path.Combine(target.FullName, name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, content);
                bytes += content.Length;
                written++;
            }
            Console.WriteLine($"Wrote {written} articles ({bytes / 1024} KiB) under {target.FullName}.");
            return 0;
        });
        return command;
    }
}
