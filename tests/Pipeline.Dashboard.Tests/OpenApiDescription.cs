using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Pipeline.Operations.Dashboard;

namespace Pipeline.Dashboard.Tests;

/// <summary>
/// The served OpenAPI description, and responses checked against it: the status must be listed for the route, the
/// media type must be the one described, and a JSON body must validate against the response's schema (OpenAPI 3.1
/// schemas are JSON Schema 2020-12; the components are moved under $defs so their references resolve).
/// </summary>
internal sealed class OpenApiDescription
{
    private readonly JsonNode _document;

    private OpenApiDescription(JsonNode document) => _document = document;

    public static OpenApiDescription Served()
    {
        var response = DashboardApi.GetOpenApi(null);
        Assert.Equal(200, response.StatusCode);
        return new OpenApiDescription(JsonNode.Parse(response.Body.Span)!);
    }

    /// <summary>The paths described, as <c>/api</c>-prefixed route templates (<c>/api/entities/{id}</c>).</summary>
    public IReadOnlyList<string> Routes => _document["paths"]!.AsObject().Select(p => "/api" + p.Key).ToList();

    /// <summary>Fails unless the description lists <paramref name="status"/> for GET <paramref name="route"/> with this media type and schema.</summary>
    public async Task AssertMatchesAsync(string route, HttpResponseMessage response)
    {
        string path = route.StartsWith("/api", StringComparison.Ordinal) ? route[4..] : route;
        var responses = _document["paths"]?[path]?["get"]?["responses"] ?? throw new Xunit.Sdk.XunitException($"GET {route} is not in openapi.json.");
        string status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var described = Resolve(responses[status]) ?? throw new Xunit.Sdk.XunitException($"GET {route} answered {status}, which openapi.json does not list.");
        string body = await response.Content.ReadAsStringAsync();
        if (described["content"] is not JsonObject content)
        {
            Assert.Empty(body);
            return;
        }
        string mediaType = response.Content.Headers.ContentType!.MediaType!;
        var schema = content[mediaType]?["schema"] ?? throw new Xunit.Sdk.XunitException($"GET {route} {status} answered {mediaType}, which openapi.json does not describe.");
        if (!mediaType.EndsWith("json", StringComparison.Ordinal)) return;

        var wrapper = schema.DeepClone().AsObject();
        wrapper["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        wrapper["$defs"] = _document["components"]!["schemas"]!.DeepClone();
        var compiled = JsonSchema.FromText(wrapper.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal));
        using var instance = JsonDocument.Parse(body);
        var result = compiled.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (!result.IsValid)
        {
            var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
            Assert.Fail($"GET {route} {status} does not match openapi.json:\n" + string.Join('\n', errors.Take(20)));
        }
    }

    /// <summary>Follows a <c>#/components/...</c> reference.</summary>
    private JsonNode? Resolve(JsonNode? node)
    {
        if (node?["$ref"]?.GetValue<string>() is not { } reference) return node;
        JsonNode? target = _document;
        foreach (string part in reference.TrimStart('#', '/').Split('/')) target = target?[part];
        return target;
    }
}
