using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pipeline.Ingestion;
using Pipeline.Ingestion.Enrichment;
using Pipeline.Operations;
using Pipeline.Operations.Dashboard;
using Pipeline.Runtime;
using Pipeline.Summary;
using Polly;

namespace Pipeline.Hosting;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the pipeline for either host: options (validated at start-up), storage clients from the
    /// <c>PipelineStorage</c> connection, the storage retry pipeline, the stage handlers, and the operations behind the
    /// dashboard API and the operator commands. The host adds the <see cref="Analysis.ITextAnalyzer"/> it runs.
    /// </summary>
    public static IServiceCollection AddPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IngestionOptions>().Bind(configuration.GetSection(IngestionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EnrichmentOptions>().Bind(configuration.GetSection(EnrichmentOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SummaryOptions>().Bind(configuration.GetSection(SummaryOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => PipelineStorage.FromConfiguration(configuration));
        services.AddResiliencePipeline(TransientFaults.StoragePipeline, builder => builder.AddStorageRetry());

        services.AddSingleton<ChunkedTextAnalysis>();
        services.AddSingleton<ArticleEnricher>();
        services.AddSingleton<IngestArticleHandler>();

        services.AddSingleton(sp => new SummaryAggregator(sp.GetRequiredService<IOptions<SummaryOptions>>().Value));
        services.AddSingleton<ArticleRecordStore>();
        services.AddSingleton<SummaryStore>();
        services.AddSingleton<SummaryFolder>();
        services.AddSingleton<SummarizeArticleHandler>();
        services.AddSingleton<RetractArticleHandler>();

        services.AddSingleton<PipelineInspector>();
        services.AddSingleton<PipelineReplayer>();
        services.AddSingleton<DashboardApi>();
        return services;
    }
}
