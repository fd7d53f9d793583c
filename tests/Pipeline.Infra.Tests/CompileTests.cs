using System.Text.Json.Nodes;

namespace Pipeline.Infra.Tests;

[Collection(CompiledTemplatesCollection.Name)]
public sealed class CompileTests(CompiledTemplates templates)
{
    public static TheoryData<string> Files => new(CompiledTemplates.Files);

    [Theory]
    [MemberData(nameof(Files))]
    public void Builds_with_no_warnings_or_errors(string file)
    {
        var run = templates.Builds[file];
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(string.IsNullOrWhiteSpace(run.StdErr), run.ToString());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Lints_clean(string file)
    {
        var run = templates.Lints[file];
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(string.IsNullOrWhiteSpace(run.StdErr) && string.IsNullOrWhiteSpace(run.StdOut), run.ToString());
    }

    [Fact]
    public void Uses_local_modules_only()
    {
        // Registry modules need the network at build time and pin someone else's defaults into the deployment.
        var offenders = Directory.EnumerateFiles(BicepCli.InfraDirectory, "*.bicep", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("'br/", StringComparison.Ordinal)
                        || File.ReadAllText(f).Contains("'br:", StringComparison.Ordinal)
                        || File.ReadAllText(f).Contains("'ts:", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void Linter_rules_are_errors()
    {
        // Otherwise `bicep lint` exits 0 on findings and a regression slips through CI.
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(BicepCli.InfraDirectory, "bicepconfig.json")))!;
        var rules = config["analyzers"]!["core"]!["rules"]!.AsObject();
        Assert.True(rules.Count >= 30, "expected the core rule set to be listed");
        // Only the two rules that need the network or drift with the calendar may be off.
        string[] allowedOff = ["use-recent-api-versions", "use-recent-module-versions"];
        foreach (var (name, rule) in rules)
        {
            var level = (string)rule!["level"]!;
            Assert.True(level == "error" || (level == "off" && allowedOff.Contains(name)), $"{name} is {level}");
        }
    }

    [Fact]
    public void Azd_project_points_at_the_functions_project()
    {
        var yaml = File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "azure.yaml"));
        Assert.Contains("  pipeline:\n    project: ./src/Pipeline.Functions\n    language: dotnet\n    host: function", yaml.ReplaceLineEndings("\n"));
        Assert.True(File.Exists(Path.Combine(BicepCli.RepositoryRoot, "src/Pipeline.Functions/Pipeline.Functions.csproj")));
        // The function app carries the tag azd uses to find the deploy target.
        var app = templates.Main.Single("Microsoft.Web/sites");
        Assert.Contains("'azd-service-name', parameters('serviceName')", app.Json["tags"]!.ToString());
        Assert.Equal("pipeline", (string)templates.Main.Modules.Single(m => m.Deployment.Symbol == "functionApp")
            .Deployment.Properties["parameters"]!["serviceName"]!["value"]!);
    }

    [Fact]
    public void Parameters_file_covers_every_required_parameter()
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(BicepCli.InfraDirectory, "main.parameters.json")))!;
        var given = file["parameters"]!.AsObject().Select(p => p.Key).ToHashSet();
        foreach (var (name, definition) in templates.Main.Parameters)
        {
            if (definition!["defaultValue"] is null) Assert.Contains(name, given);
        }
        Assert.All(given, name => Assert.True(templates.Main.Parameters.ContainsKey(name), $"{name} is not a parameter of main.bicep"));
    }
}
