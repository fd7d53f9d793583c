using System.CommandLine;
using System.Text.Json;
using Pipeline.Ingestion.Enrichment;

using Pipeline.Local.Hosting;

namespace Pipeline.Local.Commands;

internal static class CommonOptions
{
    public static readonly Option<string?> Storage = new("--storage")
    {
        Description = "Storage connection string to use instead of the embedded Azurite (default: the AzureWebJobsStorage setting, if set).",
    };

    public static readonly Option<string?> StorageAccount = new("--storage-account")
    {
        Description = "Name of an Azure storage account to use, signed in with Entra ID (az login, or any DefaultAzureCredential source): the deployed pipeline's account takes no keys.",
        Validators =
        {
            result =>
            {
                string name = result.GetValueOrDefault<string?>() ?? "";
                if (name.Length is < 3 or > 24 || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)))
                    result.AddError($"--storage-account takes a storage account name (3-24 lowercase letters and digits), not '{name}'.");
            },
        },
    };

    public static readonly Option<DirectoryInfo> DataDir = new("--data-dir")
    {
        Description = "Folder for the embedded Azurite's data; separate folders keep separate state.",
        DefaultValueFactory = _ => new DirectoryInfo(".pipeline"),
    };

    /// <summary>An absolute http(s) address; System.CommandLine has no converter for <see cref="Uri"/> of its own.</summary>
    public static Option<Uri?> HttpAddress(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            string token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (Uri.TryCreate(token, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
                return uri;
            result.AddError($"{name} takes an absolute http:// or https:// address, not '{token}'.");
            return null;
        },
    };

    public static readonly Option<TelemetryExporter> Telemetry = new("--otel")
    {
        Description = "Export the pipeline's traces and metrics: none, console, or otlp.",
        DefaultValueFactory = _ => TelemetryExporter.None,
    };

    public static readonly Option<Uri?> OtlpEndpoint = HttpAddress("--otlp-endpoint",
        "With --otel otlp: the collector (default: OTEL_EXPORTER_OTLP_ENDPOINT, else http://localhost:4317).");

    public static readonly JsonSerializerOptions IndentedJson = new(PipelineJson.SerializerOptions) { WriteIndented = true };
}
