using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pipeline.Core.Analysis;
using Pipeline.Core.Analysis.Azure;
using Pipeline.Core.Analysis.Offline;
using Pipeline.Core.Dashboard;
using Pipeline.Core.Enrichment;
using Pipeline.Core.Operations;
using Pipeline.Core.Storage;
using Pipeline.Core.Summary;
using Polly;

namespace Pipeline.Core;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>
    /// Registers Core for either host: options (validated at start-up), storage clients from the <c>PipelineStorage</c>
    /// connection, the analyzer chosen by <c>Pipeline:Analyzer</c>, the stage handlers, the storage retry pipeline,
    /// and the operations behind the dashboard API and the operator commands.
    /// </summary>
    public static IServiceCollection AddPipelineCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PipelineOptions>().Bind(configuration.GetSection(PipelineOptions.Section)).ValidateOnStart();
        services.AddOptions<IngestionOptions>().Bind(configuration.GetSection(IngestionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EnrichmentOptions>().Bind(configuration.GetSection(EnrichmentOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SummaryOptions>().Bind(configuration.GetSection(SummaryOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => PipelineStorage.FromConfiguration(configuration));
        services.AddResiliencePipeline(TransientFaults.StoragePipeline, builder => builder.AddStorageRetry());

        // The offline analyzer is cheaper than a cache lookup, so only Azure Language sits behind the enrichment cache.
        if (configuration.GetValue<AnalyzerKind>($"{PipelineOptions.Section}:{nameof(PipelineOptions.Analyzer)}") == AnalyzerKind.AzureLanguage)
            services.AddCachedAzureLanguageAnalyzer(configuration);
        services.AddOptions<OfflineAnalyzerOptions>().Bind(configuration.GetSection(OfflineAnalyzerOptions.Section));
        services.TryAddSingleton<ITextAnalyzer>(sp => new OfflineTextAnalyzer(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<OfflineAnalyzerOptions>>().Value, sp.GetService<ISentencePolarityModel>()));
        services.AddSingleton<ArticleAnalyzer>();
        services.AddSingleton<ArticleEnricher>();
        services.AddSingleton<IngestArticleHandler>();

        services.AddSingleton(sp => new SummaryAggregator(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SummaryOptions>>().Value));
        services.AddSingleton<ArticleRecordStore>();
        services.AddSingleton<SummaryStore>();
        services.AddSingleton<SummaryFolder>();
        services.AddSingleton<SummarizeArticleHandler>();

        services.AddSingleton<PipelineInspector>();
        services.AddSingleton<PipelineReplayer>();
        services.AddSingleton<DashboardApi>();
        return services;
    }
}
