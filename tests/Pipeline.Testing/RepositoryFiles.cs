using Pipeline.Local.Hosting;

namespace Pipeline.Testing;

public static class RepositoryFiles
{
    public static string Root { get; } = EmbeddedAzurite.RepositoryRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string BadSeeds => Path.Combine(Seeds, "bad");

    public static string Schema(string name) => Path.Combine(Root, "docs", "schemas", name);

    /// <summary>The seed articles of the normal run (everything under seeds/ except seeds/bad/).</summary>
    public static IReadOnlyList<string> GoodSeedFiles() =>
        Directory.GetFiles(Seeds).OrderBy(f => f, StringComparer.Ordinal).ToList();
}
