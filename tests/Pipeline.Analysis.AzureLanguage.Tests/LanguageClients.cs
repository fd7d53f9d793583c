using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Pipeline.Analysis.AzureLanguage.Tests;

/// <summary>The Azure Language analyzer as the hosts build it (DI, options, Polly registry), with test-sized delays.</summary>
internal static class LanguageClients
{
    public const string Key = "test-key";

    public static ServiceProvider Build(Uri endpoint, IDictionary<string, string?>? overrides = null, Action<IServiceCollection>? services = null)
    {
        var settings = new Dictionary<string, string?>
        {
            [LanguageOptions.Section + ":Endpoint"] = endpoint.ToString(),
            [LanguageOptions.Section + ":Key"] = Key,
            [LanguageOptions.Section + ":RetryBaseDelay"] = "00:00:00.010",
            [LanguageOptions.Section + ":RetryMaxDelay"] = "00:00:05",
            [LanguageOptions.Section + ":RequestsPerMinute"] = "60000",
        };
        foreach (var (name, value) in overrides ?? new Dictionary<string, string?>())
            settings[LanguageOptions.Section + ":" + name] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var collection = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System);
        services?.Invoke(collection);
        collection.AddAzureLanguageAnalyzer(configuration);
        return collection.BuildServiceProvider();
    }

    public static AzureLanguageTextAnalyzer Analyzer(this ServiceProvider provider) => provider.GetRequiredService<AzureLanguageTextAnalyzer>();

    /// <summary>Trusts exactly the fake service's throwaway certificate.</summary>
    public static HttpPipelineTransport TrustOnly(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate) =>
        new HttpClientTransport(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint });
}

/// <summary>A credential that hands out one fixed token and remembers the scopes asked for.</summary>
internal sealed class FakeCredential : TokenCredential
{
    public List<string> Scopes { get; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (Scopes) Scopes.AddRange(requestContext.Scopes);
        return new AccessToken("fake-token", DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
