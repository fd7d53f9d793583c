using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;
using Pipeline.Hosting;
using Pipeline.Summary;
using Pipeline.Runtime;
using Pipeline.Analysis.AzureLanguage;

var builder = FunctionsApplication.CreateBuilder(args);
builder.Services.AddPipeline(builder.Configuration).AddCachedAzureLanguageAnalyzer(builder.Configuration);

// host.json has telemetryMode OpenTelemetry: the worker exports its own traces and the pipeline's. Application Insights
// has local auth disabled, so the exporter authenticates with the app's user-assigned identity.
if (!string.IsNullOrEmpty(builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
{
    builder.Services.AddOpenTelemetry()
        .WithTracing(tracing => tracing.AddSource(PipelineTelemetry.Name))
        .WithMetrics(metrics => metrics.AddMeter(PipelineTelemetry.Name))
        .UseFunctionsWorkerDefaults()
        .UseAzureMonitorExporter(options => options.Credential = new DefaultAzureCredential(
            new DefaultAzureCredentialOptions { ManagedIdentityClientId = Environment.GetEnvironmentVariable("AZURE_CLIENT_ID") }));
}
builder.Build().Run();
