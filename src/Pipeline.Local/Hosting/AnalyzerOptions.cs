using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Analysis.AzureLanguage;
using Pipeline.Analysis.MiniLM;
using Pipeline.Analysis.Offline;

namespace Pipeline.Local.Hosting;

/// <summary>Which analyzer the pipeline runs: the built-in offline one, or Azure AI Language.</summary>
public enum AnalyzerKind { Offline, AzureLanguage }

/// <summary>Settings under <c>Pipeline</c> (environment: <c>Pipeline__...</c>).</summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    public AnalyzerKind Analyzer { get; set; } = AnalyzerKind.Offline;
}

/// <summary>The local host runs either analyzer, as <c>Pipeline:Analyzer</c> says; the Azure app runs Azure AI Language only.</summary>
public static class AnalyzerSelection
{
    public static IServiceCollection AddSelectedAnalyzer(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PipelineOptions>().Bind(configuration.GetSection(PipelineOptions.Section)).ValidateOnStart();
        return configuration.GetValue<AnalyzerKind>($"{PipelineOptions.Section}:{nameof(PipelineOptions.Analyzer)}") == AnalyzerKind.AzureLanguage
            ? services.AddCachedAzureLanguageAnalyzer(configuration)
            : services.AddOfflineAnalyzer(configuration).AddMiniLmSentiment();
    }
}
