using Pipeline.Ingestion.Parsing;

namespace Pipeline.Ingestion.Tests.Parsing;

/// <summary>The repository's seed corpus parses as documented in docs/seeds.md.</summary>
public class SeedFilesTests
{
    private static readonly string Seeds = Path.Combine(RepositoryRoot(), "seeds");

    public static TheoryData<string> GoodSeeds() => new(Directory.GetFiles(Seeds).Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(GoodSeeds))]
    public void Every_seed_parses_with_a_title_and_a_body(string name)
    {
        var article = ArticleParser.Parse(name, File.ReadAllBytes(Path.Combine(Seeds, name)));

        Assert.False(string.IsNullOrWhiteSpace(article.Title));
        Assert.True(article.Text.Length > 500, $"{name}: {article.Text.Length} characters");
        Assert.DoesNotContain('\r', article.Text);
        Assert.DoesNotContain('\uFFFD', article.Text);
    }

    [Theory]
    [InlineData("empty.txt", RejectionReason.Empty)]
    [InlineData("whitespace-only.md", RejectionReason.Empty)]
    [InlineData("invalid-utf8.txt", RejectionReason.Undecodable)]
    [InlineData("binary-image.txt", RejectionReason.Binary)]
    [InlineData("malformed.json", RejectionReason.MalformedJson)]
    [InlineData("json-array.json", RejectionReason.MalformedJson)]
    [InlineData("no-body.json", RejectionReason.MissingBody)]
    [InlineData("no-text.html", RejectionReason.NoText)]
    [InlineData("unsupported-format.pdf", RejectionReason.UnsupportedFormat)]
    public void Every_bad_seed_is_rejected_with_its_documented_reason(string name, RejectionReason reason)
    {
        byte[] content = File.ReadAllBytes(Path.Combine(Seeds, "bad", name));
        Assert.Equal(reason, Assert.Throws<ArticleRejectedException>(() => ArticleParser.Parse(name, content)).Reason);
    }

    [Fact]
    public void The_bad_seed_table_covers_every_bad_file()
    {
        Assert.Equal(9, Directory.GetFiles(Path.Combine(Seeds, "bad")).Length);
    }

    [Fact]
    public void Utf16_and_nfd_seeds_come_out_as_composed_text()
    {
        var utf16 = ArticleParser.Parse("politics-australia-budget-senate-deal.txt", File.ReadAllBytes(Path.Combine(Seeds, "politics-australia-budget-senate-deal.txt")));
        var nfd = ArticleParser.Parse("culture-seville-flamenco-festival-sold-out.txt", File.ReadAllBytes(Path.Combine(Seeds, "culture-seville-flamenco-festival-sold-out.txt")));

        Assert.DoesNotContain('\r', utf16.Title);
        Assert.Contains("José Martínez", nfd.Text);
        Assert.DoesNotContain("Jose\u0301", nfd.Text, StringComparison.Ordinal);
        Assert.True(nfd.Text.IsNormalized(System.Text.NormalizationForm.FormC));
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Pipeline.sln not found above the test binaries.");
    }
}
