using System.Reflection;
using System.Runtime.CompilerServices;

namespace Pipeline.Architecture.Tests;

/// <summary>The dependency rules the README states, checked on the built assemblies.</summary>
public class ArchitectureTests
{
    private static readonly string[] Libraries =
    [
        "Pipeline.Contracts", "Pipeline.Analysis", "Pipeline.Analysis.Offline", "Pipeline.Analysis.MiniLM", "Pipeline.Analysis.AzureLanguage",
        "Pipeline.Runtime", "Pipeline.Ingestion", "Pipeline.Summary", "Pipeline.Operations", "Pipeline.Hosting",
    ];

    private static readonly string[] Hosts = ["Pipeline.Functions", "pipeline"];

    /// <summary>The project graph of the README, as the assemblies each one's compiled code uses directly.</summary>
    private static readonly Dictionary<string, string[]> ExpectedReferences = new(StringComparer.Ordinal)
    {
        ["Pipeline.Contracts"] = [],
        ["Pipeline.Analysis"] = ["Pipeline.Contracts"],
        ["Pipeline.Analysis.Offline"] = ["Pipeline.Analysis", "Pipeline.Contracts"],
        ["Pipeline.Analysis.MiniLM"] = ["Pipeline.Analysis.Offline"],
        ["Pipeline.Analysis.AzureLanguage"] = ["Pipeline.Analysis", "Pipeline.Contracts", "Pipeline.Runtime"],
        ["Pipeline.Runtime"] = ["Pipeline.Contracts"],
        ["Pipeline.Ingestion"] = ["Pipeline.Analysis", "Pipeline.Contracts", "Pipeline.Runtime"],
        ["Pipeline.Summary"] = ["Pipeline.Contracts", "Pipeline.Runtime"],
        ["Pipeline.Operations"] = ["Pipeline.Contracts", "Pipeline.Runtime", "Pipeline.Summary"],
        ["Pipeline.Hosting"] = ["Pipeline.Ingestion", "Pipeline.Operations", "Pipeline.Runtime", "Pipeline.Summary"],
        ["Pipeline.Functions"] = ["Pipeline.Analysis.AzureLanguage", "Pipeline.Hosting", "Pipeline.Ingestion", "Pipeline.Operations", "Pipeline.Summary"],
    };

    private static Assembly Load(string name) => Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, name + ".dll"));

    private static IEnumerable<string> PipelineReferences(string name) =>
        Load(name).GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Pipeline", StringComparison.Ordinal) || n == "pipeline");

    [Fact]
    public void Projects_reference_each_other_as_the_readme_draws_them()
    {
        var differences = ExpectedReferences
            .Where(pair => !pair.Value.SequenceEqual(PipelineReferences(pair.Key).Order(StringComparer.Ordinal)))
            .Select(pair => $"{pair.Key} references [{string.Join(", ", PipelineReferences(pair.Key).Order(StringComparer.Ordinal))}], expected [{string.Join(", ", pair.Value)}]");
        Assert.True(!differences.Any(), string.Join("\n", differences));
    }

    [Fact]
    public void No_namespace_of_the_pipeline_depends_on_itself_through_others()
    {
        var graph = DependencyGraph.Of(Libraries.Concat(Hosts).Select(n => Path.Combine(AppContext.BaseDirectory, n + ".dll")));

        Assert.True(graph.Edges.Count > 15, "the graph was not read");
        Assert.True(graph.Cycles().Count == 0, "cycles: " + string.Join("; ", graph.Cycles().Select(c => string.Join(" ↔ ", c))));
    }

    [Fact]
    public void The_libraries_use_no_functions_or_webjobs_types_and_the_contracts_no_azure_sdk()
    {
        foreach (string library in Libraries)
        {
            var references = Load(library).GetReferencedAssemblies().Select(a => a.Name!).ToList();
            Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.Azure.Functions", StringComparison.Ordinal) || r.StartsWith("Microsoft.Azure.WebJobs", StringComparison.Ordinal));
        }
        Assert.DoesNotContain(Load("Pipeline.Contracts").GetReferencedAssemblies(), a => a.Name!.StartsWith("Azure", StringComparison.Ordinal));
    }

    [Fact]
    public void The_azure_app_does_not_ship_the_offline_analyzer()
    {
        var functions = PipelineReferences("Pipeline.Functions").ToList();

        Assert.DoesNotContain("Pipeline.Analysis.Offline", functions);
        Assert.DoesNotContain("Pipeline.Analysis.MiniLM", functions);
    }

    [Fact]
    public void Internals_are_open_to_test_projects_only_and_the_summary_to_its_benchmark()
    {
        foreach (string name in Libraries.Concat(Hosts))
        {
            var friends = Load(name).GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName).ToList();
            Assert.All(friends, friend => Assert.True(friend.EndsWith(".Tests", StringComparison.Ordinal) || friend.EndsWith("IntegrationTests", StringComparison.Ordinal)
                                                      || (name == "Pipeline.Summary" && friend == "Pipeline.Benchmarks"), $"{name} opens its internals to {friend}"));
        }
    }
}
