using System.Text.Json.Nodes;

namespace Pipeline.Infra.Tests;

/// <summary>One resource of a compiled ARM template, with the (nested) template that declares it.</summary>
public sealed record TemplateResource(string Symbol, JsonObject Json, Template Owner)
{
    public string Type => (string)Json["type"]!;
    public JsonObject Properties => Json["properties"]!.AsObject();
    public string? Condition => Json["condition"]?.ToString();
    public string? Scope => (string?)Json["scope"];
    public override string ToString() => $"{Type} '{Symbol}' ({Json["name"]})";
}

/// <summary>
/// A compiled ARM template. Bicep emits modules as nested Microsoft.Resources/deployments with an inline template,
/// and resources as an object (symbolic names, languageVersion 2.0) or an array; both are walked.
/// </summary>
public sealed class Template(JsonObject root, string path = "")
{
    public JsonObject Root { get; } = root;
    public string Path { get; } = path;

    public JsonObject Variables => Root["variables"]?.AsObject() ?? [];
    public JsonObject Parameters => Root["parameters"]?.AsObject() ?? [];
    public JsonObject Outputs => Root["outputs"]?.AsObject() ?? [];

    public IEnumerable<TemplateResource> OwnResources => Root["resources"] switch
    {
        JsonObject byName => byName.Select(p => new TemplateResource(p.Key, p.Value!.AsObject(), this)),
        JsonArray list => list.Select((r, i) => new TemplateResource($"[{i}]", r!.AsObject(), this)),
        _ => [],
    };

    /// <summary>Nested module templates, keyed by the deployment's symbolic name in this template.</summary>
    public IEnumerable<(TemplateResource Deployment, Template Template)> Modules =>
        OwnResources
            .Where(r => r.Type == "Microsoft.Resources/deployments" && r.Json["properties"]?["template"] is JsonObject)
            .Select(r => (r, new Template(r.Properties["template"]!.AsObject(), $"{Path}/{r.Symbol}")));

    public Template Module(string symbol) => Modules.Single(m => m.Deployment.Symbol == symbol).Template;

    /// <summary>This template and every nested one.</summary>
    public IEnumerable<Template> AllTemplates => [this, .. Modules.SelectMany(m => m.Template.AllTemplates)];

    public IEnumerable<TemplateResource> AllResources => AllTemplates.SelectMany(t => t.OwnResources);

    public IEnumerable<TemplateResource> OfType(string type) =>
        AllResources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase) && r.Json["existing"] is null);

    public TemplateResource Single(string type) => Assert.Single(OfType(type));

    /// <summary>Every string anywhere below <paramref name="node"/> (values, not property names).</summary>
    public static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    /// <summary>Every object anywhere below <paramref name="node"/> that has the property <paramref name="key"/>.</summary>
    public static IEnumerable<JsonObject> ObjectsWithKey(JsonNode? node, string key) => node switch
    {
        JsonObject o => (o.ContainsKey(key) ? [o] : Array.Empty<JsonObject>()).Concat(o.SelectMany(p => ObjectsWithKey(p.Value, key))),
        JsonArray a => a.SelectMany(n => ObjectsWithKey(n, key)),
        _ => [],
    };
}
