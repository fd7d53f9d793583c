using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Pipeline.Analysis.Offline;

/// <summary>Registers the built-in offline analyzer as the pipeline's analyzer.</summary>
public static class OfflineServiceCollectionExtensions
{
    /// <summary>
    /// The offline analyzer with its options under <c>Pipeline:Offline</c>; accurate mode uses an
    /// <see cref="ISentencePolarityModel"/> when the host registers one. It is cheaper than a cache lookup, so no cache.
    /// </summary>
    public static IServiceCollection AddOfflineAnalyzer(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OfflineAnalyzerOptions>().Bind(configuration.GetSection(OfflineAnalyzerOptions.Section));
        services.TryAddSingleton<ITextAnalyzer>(sp => new OfflineTextAnalyzer(sp.GetRequiredService<IOptions<OfflineAnalyzerOptions>>().Value, sp.GetService<ISentencePolarityModel>()));
        return services;
    }
}
