using System.Text.Json.Nodes;

namespace Pipeline.Infra.Tests;

/// <summary>Everything the code relies on by name (PipelineNames.cs) is declared by the template.</summary>
[Collection(CompiledTemplatesCollection.Name)]
public sealed class NamesContractTests(CompiledTemplates templates)
{
    static readonly string[] ConnectionSuffixes = ["blobServiceUri", "queueServiceUri", "tableServiceUri", "credential", "clientId"];

    /// <summary>infra/names.json as compiled into main.bicep (loadJsonContent inlines it as a variable).</summary>
    JsonObject Names
    {
        get
        {
            var reference = (string)templates.Main.Variables["names"]!; // "[variables('$fxv#0')]"
            var inner = reference["[variables('".Length..^"')]".Length];
            return templates.Main.Variables[inner]!.AsObject();
        }
    }

    static IEnumerable<string> Values(JsonNode node) => node switch
    {
        JsonObject o => o.Select(p => (string)p.Value!),
        JsonArray a => a.Select(v => (string)v!),
        _ => throw new InvalidOperationException(node.ToJsonString()),
    };

    [Fact]
    public void Containers_match_the_code()
    {
        Assert.Equal(PipelineNames.Containers.Order(), Values(Names["containers"]!).Order());
        Assert.Equal(PipelineNames.ArticlesContainer, (string)Names["containers"]!["articles"]!);

        // All of them, plus the deployment package container, flow into the storage module's container loop.
        var containerNames = (string)templates.Main.Variables["containerNames"]!;
        Assert.Contains("items(variables('names').containers)", containerNames);
        Assert.Contains("variables('deploymentContainerName')", containerNames);
        Assert.StartsWith("[format('app-package-", (string)templates.Main.Variables["deploymentContainerName"]!);
        Assert.Equal("[variables('containerNames')]", ModuleParameter("storage", "containerNames"));
        var containers = templates.Main.Single("Microsoft.Storage/storageAccounts/blobServices/containers");
        Assert.Equal("[length(parameters('containerNames'))]", (string)containers.Json["copy"]!["count"]!);
        Assert.Contains("parameters('containerNames')[copyIndex()]", (string)containers.Json["name"]!);
    }

    [Fact]
    public void Queues_match_the_code_including_the_blob_poison_queue()
    {
        string[] expected = [.. PipelineNames.Queues, PipelineNames.BlobPoisonQueue];
        Assert.Equal(expected.Order(), Values(Names["queues"]!).Order());
        var queues = Names["queues"]!;
        Assert.Equal(
            (PipelineNames.EnrichedQueue, PipelineNames.EnrichedPoisonQueue, PipelineNames.DeletedQueue, PipelineNames.DeletedPoisonQueue, PipelineNames.BlobPoisonQueue),
            ((string)queues["enriched"]!, (string)queues["enrichedPoison"]!, (string)queues["deleted"]!, (string)queues["deletedPoison"]!, (string)queues["blobTriggerPoison"]!));

        // Every one of them flows into the storage module's queue loop.
        Assert.Contains("items(variables('names').queues)", (string)templates.Main.Variables["queueNames"]!);
        Assert.Equal("[variables('queueNames')]", ModuleParameter("storage", "queueNames"));
        var queue = templates.Main.Single("Microsoft.Storage/storageAccounts/queueServices/queues");
        Assert.Equal("[length(parameters('queueNames'))]", (string)queue.Json["copy"]!["count"]!);
    }

    [Fact]
    public void Tables_match_the_code()
    {
        Assert.Equal(PipelineNames.Tables.Order(), Values(Names["tables"]!).Order());
        Assert.Equal("[variables('names').tables]", ModuleParameter("storage", "tableNames"));
        Assert.Single(templates.Main.OfType("Microsoft.Storage/storageAccounts/tableServices/tables"));
    }

    [Fact]
    public void Every_name_is_literally_in_the_compiled_template()
    {
        var strings = Template.Strings(templates.Main.Root).ToHashSet();
        foreach (var name in PipelineNames.Containers.Concat(PipelineNames.Queues).Concat(PipelineNames.Tables).Append(PipelineNames.BlobPoisonQueue))
            Assert.Contains(name, strings);
    }

    [Fact]
    public void Both_storage_connections_are_identity_based_app_settings()
    {
        var settings = AppSettings.Of(templates.Main);
        foreach (var connection in new[] { "AzureWebJobsStorage", PipelineNames.StorageConnection })
        {
            foreach (var suffix in ConnectionSuffixes)
                Assert.True(settings.ContainsKey($"{connection}__{suffix}"), $"missing {connection}__{suffix}");
            Assert.Equal("managedidentity", (string)settings[$"{connection}__credential"]!);
            Assert.Equal("[reference('identity').clientId]", (string)settings[$"{connection}__clientId"]!);
            Assert.Equal("[reference('storage').outputs.blobEndpoint.value]", (string)settings[$"{connection}__blobServiceUri"]!);
            Assert.Equal("[reference('storage').outputs.queueEndpoint.value]", (string)settings[$"{connection}__queueServiceUri"]!);
            Assert.Equal("[reference('storage').outputs.tableEndpoint.value]", (string)settings[$"{connection}__tableServiceUri"]!);
        }
    }

    [Fact]
    public void Pipeline_settings_point_at_the_language_account_and_the_identity()
    {
        var settings = AppSettings.Of(templates.Main);
        Assert.Equal("AzureLanguage", (string)settings["Pipeline__Analyzer"]!);
        Assert.Equal("[reference('language').outputs.endpoint.value]", (string)settings["Pipeline__Language__Endpoint"]!);
        Assert.Equal("[reference('identity').clientId]", (string)settings["AZURE_CLIENT_ID"]!);
        Assert.Equal("[reference('appInsights').ConnectionString]", (string)settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]!);
        Assert.Equal("[format('ClientId={0};Authorization=AAD', reference('identity').clientId)]",
            (string)settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]!);
    }

    [Fact]
    public void App_settings_are_exactly_the_contract()
    {
        string[] expected =
        [
            .. ConnectionSuffixes.Select(s => $"AzureWebJobsStorage__{s}"),
            .. ConnectionSuffixes.Select(s => $"{PipelineNames.StorageConnection}__{s}"),
            "Pipeline__Analyzer", "Pipeline__Language__Endpoint", "Pipeline__Language__RequestsPerMinute",
            "Pipeline__Language__ResourceRequestsPerMinute", "AZURE_CLIENT_ID",
            "APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
        ];
        Assert.Equal(expected.Order(), AppSettings.Of(templates.Main).Select(p => p.Key).Order());
    }

    [Fact]
    public void Ingest_webhook_targets_IngestArticle_on_the_articles_container()
    {
        var names = templates.Subscription.Variables["$fxv#0"] ?? throw new InvalidOperationException("names not inlined");
        Assert.Equal("IngestArticle", (string)names["functions"]!["ingest"]!);
        Assert.Equal(PipelineNames.ArticlesContainer, (string)names["containers"]!["articles"]!);
    }

    [Fact]
    public void Function_names_are_functions_the_app_declares()
    {
        // Read from source: referencing the worker app would pull its build and source generators into this project.
        foreach (var name in Values(Names["functions"]!))
        {
            var source = File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "src/Pipeline.Functions", name + ".cs"));
            Assert.Contains($"[Function(nameof({name}))]", source);
        }
    }

    string ModuleParameter(string module, string parameter) =>
        templates.Main.Modules.Single(m => m.Deployment.Symbol == module).Deployment.Properties["parameters"]![parameter]!["value"]!.ToString();
}

static class AppSettings
{
    /// <summary>The one object in the template holding the app settings, wherever Bicep placed it.</summary>
    public static JsonObject Of(Template template) =>
        Assert.Single(Template.ObjectsWithKey(template.Root, "AzureWebJobsStorage__credential"));
}
