using Azure.Storage.Queues;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Analysis.MiniLM;
using Pipeline.Core;
using Pipeline.Core.Storage;

namespace Pipeline.Local.Hosting;

/// <summary>Builds the local host: the WebJobs SDK trigger engine running Core's handlers against one storage account.</summary>
public static class LocalHost
{
    public static IHost Build(string storageConnectionString, IEnumerable<KeyValuePair<string, string?>>? settings = null, LogLevel logLevel = LogLevel.Warning)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = storageConnectionString,
                [PipelineNames.StorageConnection] = storageConnectionString,
            })
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
                webJobs.AddAzureStorageQueues(queues =>
                {
                    queues.MaxPollingInterval = TimeSpan.FromMilliseconds(250);
                    queues.BatchSize = 16;
                    queues.NewBatchThreshold = 8;
                    queues.MaxDequeueCount = 5;
                    queues.VisibilityTimeout = TimeSpan.FromSeconds(5);
                    queues.MessageEncoding = QueueMessageEncoding.Base64;
                });
            })
            .ConfigureServices(services =>
            {
                services.AddSingleton<ITypeLocator, LocalFunctionTypes>();
                services.AddPipelineCore(configuration).AddMiniLmSentiment();
                services.AddHostedService<PeriodicFold>();
                services.AddHostedService<ArticleScanner>();
            })
            .Build();
        // Bad settings fail here, as one exception for the command to report, not as the host's stack-trace log line.
        host.Services.GetService<IStartupValidator>()?.Validate();
        return host;
    }
}
