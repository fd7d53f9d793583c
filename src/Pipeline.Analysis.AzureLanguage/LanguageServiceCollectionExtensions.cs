using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Runtime;
using Polly;
using Polly.Registry;

namespace Pipeline.Analysis.AzureLanguage;

/// <summary>Registers Azure AI Language as the pipeline's analyzer.</summary>
public static class LanguageServiceCollectionExtensions
{
    /// <summary>
    /// The Azure Language analyzer without the cache: options (validated at start-up), the Polly pipeline in the registry
    /// (so Polly's telemetry flows), the HTTP client. A <see cref="TokenCredential"/> registered by the host is used for
    /// Entra ID auth; otherwise DefaultAzureCredential with the managed identity named by <c>AZURE_CLIENT_ID</c>.
    /// A registered <see cref="HttpPipelineTransport"/> (a proxy, a private CA) replaces Azure.Core's default one.
    /// </summary>
    internal static IServiceCollection AddAzureLanguageAnalyzer(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LanguageOptions>().Bind(configuration.GetSection(LanguageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        // One pacer for the process: the batcher waits on it before filling a request, retries inside the pipeline take from
        // it too, and the client tells it of every 429.
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LanguageOptions>>().Value;
            return new LanguagePacer(options.RequestsPerMinute, options.ResourceRequestsPerMinute, options.RetryMaxDelay, sp.GetRequiredService<TimeProvider>());
        });
        services.AddResiliencePipeline(LanguageResilience.PipelineKey, (builder, context) =>
            builder.AddLanguageResilience(context.ServiceProvider.GetRequiredService<IOptions<LanguageOptions>>().Value,
                context.ServiceProvider.GetRequiredService<LanguagePacer>()));

        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LanguageOptions>>().Value;
            var http = LanguageServiceClient.CreateHttpPipeline(options, () => sp.GetService<TokenCredential>()
                ?? new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = configuration["AZURE_CLIENT_ID"] }),
                sp.GetService<HttpPipelineTransport>());
            return new LanguageServiceClient(http, sp.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline(LanguageResilience.PipelineKey),
                sp.GetRequiredService<LanguagePacer>(), options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<LanguageServiceClient>>());
        });
        services.AddSingleton(sp => new LanguageBatcher(sp.GetRequiredService<LanguageServiceClient>(), sp.GetRequiredService<LanguagePacer>(),
            sp.GetRequiredService<IOptions<LanguageOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<AzureLanguageTextAnalyzer>();
        return services;
    }

    /// <summary>The analyzer the pipeline uses: Azure Language behind the enrichment cache (options under <c>Pipeline:Language</c>).</summary>
    /// <param name="services">The host's services, with <see cref="PipelineStorage"/> registered (the cache lives in its tables).</param>
    /// <param name="configuration">The host's configuration.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddCachedAzureLanguageAnalyzer(this IServiceCollection services, IConfiguration configuration) =>
        services.AddAzureLanguageAnalyzer(configuration).AddSingleton<ITextAnalyzer>(sp => new CachingTextAnalyzer(
            sp.GetRequiredService<AzureLanguageTextAnalyzer>(), sp.GetRequiredService<PipelineStorage>(), sp.GetRequiredService<ILogger<CachingTextAnalyzer>>()));
}

