using System.Text.Json;
using Json.Schema;

namespace Pipeline.Testing;

/// <summary>Validates documents against the versioned schemas under docs/schemas.</summary>
public static class SchemaAssert
{
    private static readonly Lazy<JsonSchema> Enriched = new(() => Load("enriched-article.v1.schema.json"));
    private static readonly Lazy<JsonSchema> Summary = new(() => Load("summary.v1.schema.json"));

    public static void ValidEnrichedArticle(string json) => Valid(Enriched.Value, json);

    public static void ValidSummary(string json) => Valid(Summary.Value, json);

    private static JsonSchema Load(string name) => JsonSchema.FromText(File.ReadAllText(RepositoryFiles.Schema(name)));

    private static void Valid(JsonSchema schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (!result.IsValid)
        {
            var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
            Assert.Fail("Schema validation failed:\n" + string.Join('\n', errors.Take(20)));
        }
    }
}
