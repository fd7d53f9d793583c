using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Azure.WebJobs.Host.Timers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Hosting;
using Pipeline.Summary;
using Pipeline.Runtime;

namespace Pipeline.Local.Hosting;

/// <summary>Builds the local host: the WebJobs SDK trigger engine running Core's handlers against one storage account.</summary>
public static class LocalHost
{
    /// <summary>
    /// Where the local engine knowingly differs from host.json, and why. An idle Functions instance may poll every 2 s;
    /// a developer watching one article go through should not wait that long, and loopback polls cost nothing.
    /// </summary>
    public static readonly TimeSpan LocalMaxPollingInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>host.json's <c>extensions.queues</c> (batch size, threshold, dequeue count, visibility, encoding), then the local differences.</summary>
    public static void ApplyHostJson(QueuesOptions queues)
    {
        new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "host.json"), optional: false).Build()
            .GetSection("extensions:queues").Bind(queues);
        queues.MaxPollingInterval = LocalMaxPollingInterval;
    }

    /// <summary>
    /// The queue extension binds a connection's <c>Retry</c> section onto the storage clients it creates. A queue listener
    /// whose poll fails on a refused connection stops for good and takes the process down (the Functions host would restart
    /// itself; the WebJobs SDK leaves that to its host), so its clients wait out an outage instead: 20 exponential retries
    /// capped at 30 s keep a poll retrying for about eight minutes before it gives up.
    /// </summary>
    private static IEnumerable<KeyValuePair<string, string?>> OutageRetry(string connection) =>
    [
        new($"{connection}:Retry:Mode", "Exponential"),
        new($"{connection}:Retry:MaxRetries", "20"),
        new($"{connection}:Retry:MaxDelay", "00:00:30"),
    ];

    public static IHost Build(string storageConnectionString, IEnumerable<KeyValuePair<string, string?>>? settings = null, LogLevel logLevel = LogLevel.Warning)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = storageConnectionString,
                [PipelineNames.StorageConnection] = storageConnectionString,
            })
            .AddInMemoryCollection(OutageRetry("AzureWebJobsStorage").Concat(OutageRetry(PipelineNames.StorageConnection)))
            .AddEnvironmentVariables()
            .AddInMemoryCollection(settings ?? [])
            .Build();

        var host = new HostBuilder()
            .UseEnvironment(Environments.Development)
            .ConfigureAppConfiguration(builder => builder.AddConfiguration(configuration))
            .ConfigureLogging(logging => logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; }).SetMinimumLevel(logLevel)
                .AddFilter("Azure", LogLevel.Error))
            .ConfigureWebJobs(webJobs =>
            {
                webJobs.AddAzureStorageQueues(ApplyHostJson);
            })
            .ConfigureServices(services =>
            {
                services.AddSingleton<ITypeLocator, LocalFunctionTypes>();
                services.Replace(ServiceDescriptor.Singleton<IWebJobsExceptionHandler, StoppingExceptionHandler>());
                services.AddPipeline(configuration).AddSelectedAnalyzer(configuration);
                services.AddHostedService<PeriodicFold>();
                services.AddHostedService<ArticleScanner>();
            })
            .Build();
        // Bad settings fail here, as one exception for the command to report, not as the host's stack-trace log line.
        host.Services.GetService<IStartupValidator>()?.Validate();
        return host;
    }
}
