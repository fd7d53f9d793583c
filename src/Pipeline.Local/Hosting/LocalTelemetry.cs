using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Pipeline.Runtime;

namespace Pipeline.Local.Hosting;

internal enum TelemetryExporter { None, Console, Otlp }

/// <summary>OpenTelemetry for <c>pipeline run</c>: the pipeline's traces and metrics to the console or to an OTLP collector.</summary>
internal static class LocalTelemetry
{
    /// <summary>Listens from start-up, so the first article is traced too; dispose to flush. Null when nothing is exported.</summary>
    public static IDisposable? Start(TelemetryExporter exporter, Uri? otlpEndpoint)
    {
        if (exporter == TelemetryExporter.None)
            return null;
        var resource = ResourceBuilder.CreateDefault().AddService("pipeline-local");
        var tracing = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource).AddSource(PipelineTelemetry.Name);
        var metrics = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource).AddMeter(PipelineTelemetry.Name);
        if (exporter == TelemetryExporter.Console)
        {
            tracing.AddConsoleExporter();
            metrics.AddConsoleExporter();
        }
        else
        {
            tracing.AddOtlpExporter(options => { if (otlpEndpoint is not null) options.Endpoint = otlpEndpoint; });
            metrics.AddOtlpExporter(options => { if (otlpEndpoint is not null) options.Endpoint = otlpEndpoint; });
        }
        return new Providers(tracing.Build(), metrics.Build());
    }

    private sealed class Providers(TracerProvider tracing, MeterProvider metrics) : IDisposable
    {
        public void Dispose()
        {
            tracing.Dispose();
            metrics.Dispose();
        }
    }
}
