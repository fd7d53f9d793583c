using System.Text.Json;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests;

/// <summary>What the Functions host will index: the generated functions.metadata and the root host.json.</summary>
public class FunctionsMetadataTests
{
    private static JsonElement Function(string name)
    {
        // The Functions SDK generates it at build time; the project reference copies it next to these tests.
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")));
        return document.RootElement.EnumerateArray().Single(f => f.GetProperty("name").GetString() == name).Clone();
    }

    private static JsonElement Trigger(JsonElement function) => function.GetProperty("bindings").EnumerateArray().Single();

    [Fact]
    public void IngestArticle_is_an_event_grid_blob_trigger_on_the_articles_container_with_the_identity_connection()
    {
        var trigger = Trigger(Function("IngestArticle"));

        Assert.Equal("blobTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal($"{PipelineNames.ArticlesContainer}/{{name}}", trigger.GetProperty("path").GetString());
        Assert.Equal("EventGrid", trigger.GetProperty("source").GetString());
        Assert.Equal(PipelineNames.StorageConnection, trigger.GetProperty("connection").GetString());
        Assert.Equal("In", trigger.GetProperty("direction").GetString());
    }

    [Fact]
    public void SummarizeArticles_is_a_queue_trigger_on_the_enriched_queue()
    {
        var trigger = Trigger(Function("SummarizeArticles"));

        Assert.Equal("queueTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(PipelineNames.EnrichedQueue, trigger.GetProperty("queueName").GetString());
        Assert.Equal(PipelineNames.StorageConnection, trigger.GetProperty("connection").GetString());
    }

    [Fact]
    public void RetractArticle_is_a_queue_trigger_on_the_deleted_queue_event_grid_writes_to()
    {
        var trigger = Trigger(Function("RetractArticle"));

        Assert.Equal("queueTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(PipelineNames.DeletedQueue, trigger.GetProperty("queueName").GetString());
        Assert.Equal(PipelineNames.StorageConnection, trigger.GetProperty("connection").GetString());
    }

    [Fact]
    public void FoldSummary_runs_every_minute()
    {
        var trigger = Trigger(Function("FoldSummary"));

        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("0 */1 * * * *", trigger.GetProperty("schedule").GetString());
    }

    [Fact]
    public void PublishQueueDepths_runs_every_five_minutes()
    {
        // The poison-queue alerts in infra/main.bicep look back over a window longer than this period.
        var trigger = Trigger(Function("PublishQueueDepths"));

        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("0 */5 * * * *", trigger.GetProperty("schedule").GetString());
    }

    [Theory]
    [InlineData("GetSummary", "summary")]
    [InlineData("GetArticle", "articles/{id}")]
    [InlineData("GetStatus", "status")]
    [InlineData("GetDashboard", "dashboard")]
    [InlineData("GetEntities", "entities")]
    [InlineData("GetEntity", "entities/{id}")]
    [InlineData("GetOpenApi", "openapi.json")]
    public void Dashboard_api_functions_are_read_only_get_and_head_http_triggers_behind_a_function_key(string name, string route)
    {
        var bindings = Function(name).GetProperty("bindings").EnumerateArray().ToList();
        var trigger = bindings.Single(b => b.GetProperty("direction").GetString() == "In");

        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("Function", trigger.GetProperty("authLevel").GetString());
        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal(["get", "head"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        var output = bindings.Single(b => b.GetProperty("direction").GetString() == "Out");
        Assert.Equal("http", output.GetProperty("type").GetString());
    }

    [Fact]
    public void Every_http_route_the_app_serves_is_in_the_openapi_description()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")));
        var routes = metadata.RootElement.EnumerateArray()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray())
            .Where(b => b.GetProperty("type").GetString() == "httpTrigger")
            .Select(b => "/" + b.GetProperty("route").GetString())
            .Order(StringComparer.Ordinal);
        using var openApi = JsonDocument.Parse(Pipeline.Operations.Dashboard.DashboardApi.GetOpenApi(null).Body);

        Assert.Equal(openApi.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal), routes);
    }

    [Fact]
    public void Host_json_sends_a_message_to_poison_after_five_dequeues_and_expects_base64()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Root, "host.json")));
        var queues = host.RootElement.GetProperty("extensions").GetProperty("queues");

        Assert.Equal("2.0", host.RootElement.GetProperty("version").GetString());
        Assert.Equal(5, queues.GetProperty("maxDequeueCount").GetInt32());
        Assert.Equal("base64", queues.GetProperty("messageEncoding").GetString());
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryFiles.Root, "host.json")), File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json")));
    }
}
