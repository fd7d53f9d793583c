using System.Text.Json.Nodes;

namespace Pipeline.Infra.Tests;

/// <summary>
/// Compiles and lints both deployment stages once per test run; every test class reads the results.
/// </summary>
public sealed class CompiledTemplates : IAsyncLifetime
{
    public const string MainFile = "main.bicep";
    public const string SubscriptionFile = "eventgrid-subscription.bicep";
    public static readonly string[] Files = [MainFile, SubscriptionFile];

    readonly string _outDir = Path.Combine(Path.GetTempPath(), "pipeline-infra-" + Guid.NewGuid().ToString("N"));

    public Dictionary<string, BicepRun> Builds { get; } = [];
    public Dictionary<string, BicepRun> Lints { get; } = [];
    // Loaded on first use, so a template that fails to build fails the build test with bicep's message and the
    // template tests with the same message, rather than the fixture taking the whole run down.
    public Template Main => Load(MainFile);
    public Template Subscription => Load(SubscriptionFile);
    readonly Dictionary<string, Template> _loaded = [];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_outDir);
        // Four processes on a 2-core box: run them together, each is mostly start-up time.
        var builds = Files.Select(f => BicepCli.RunAsync("build", f, "--outfile", OutFile(f))).ToArray();
        var lints = Files.Select(f => BicepCli.RunAsync("lint", f)).ToArray();
        await Task.WhenAll(builds.Concat(lints));
        for (var i = 0; i < Files.Length; i++)
        {
            Builds[Files[i]] = builds[i].Result;
            Lints[Files[i]] = lints[i].Result;
        }
    }

    string OutFile(string bicepFile) => Path.Combine(_outDir, Path.ChangeExtension(bicepFile, ".json"));

    Template Load(string bicepFile)
    {
        lock (_loaded)
        {
            if (_loaded.TryGetValue(bicepFile, out var template)) return template;
            return _loaded[bicepFile] = Parse(bicepFile);
        }
    }

    Template Parse(string bicepFile)
    {
        var build = Builds[bicepFile];
        var path = OutFile(bicepFile);
        if (build.ExitCode != 0 || !File.Exists(path)) throw new InvalidOperationException(build.ToString());
        return new Template(JsonNode.Parse(File.ReadAllText(path))!.AsObject());
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_outDir, recursive: true);
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class CompiledTemplatesCollection : ICollectionFixture<CompiledTemplates>
{
    public const string Name = "compiled templates";
}
