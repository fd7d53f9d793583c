using System.CommandLine;
using System.Text.Json;
using Pipeline.Core.Enrichment;

namespace Pipeline.Local.Commands;

internal static class CommonOptions
{
    public static readonly Option<string?> Storage = new("--storage")
    {
        Description = "Storage connection string to use instead of the embedded Azurite (default: the AzureWebJobsStorage setting, if set).",
    };

    public static readonly Option<DirectoryInfo> DataDir = new("--data-dir")
    {
        Description = "Folder for the embedded Azurite's data; separate folders keep separate state.",
        DefaultValueFactory = _ => new DirectoryInfo(".pipeline"),
    };

    public static readonly JsonSerializerOptions IndentedJson = new(PipelineJson.SerializerOptions) { WriteIndented = true };
}
