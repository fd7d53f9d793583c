using System.Diagnostics.Metrics;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pipeline.Runtime;

namespace Pipeline.Infra.Tests;

/// <summary>What an ops team relies on: defaults that deploy, the Language rate shared out, nothing dropped silently, alerts.</summary>
[Collection(CompiledTemplatesCollection.Name)]
public sealed partial class OperationsTests(CompiledTemplates templates)
{
    /// <summary>The metric names the Event Grid docs publish for system topics (Microsoft.EventGrid/systemTopics).</summary>
    static readonly HashSet<string> EventGridMetrics = ["DeliverySuccessCount", "DeliveryAttemptFailCount", "DeadLetteredCount", "DroppedEventCount", "MatchedEventCount", "PublishSuccessCount"];

    /// <summary>Every instrument the pipeline publishes, read from the code that publishes them.</summary>
    static readonly HashSet<string> PipelineMetrics = typeof(PipelineTelemetry).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => f.GetValue(null)).OfType<Instrument>().Select(i => i.Name).ToHashSet();

    JsonNode Parameter(string name) => templates.Main.Parameters[name]!;

    [Fact]
    public void The_instance_ceiling_defaults_to_a_value_every_flex_region_accepts()
    {
        // Below 40 only a preview in a few regions accepts it (azure-functions-host#10523, Azure-Functions#2650).
        var ceiling = Parameter("maximumInstanceCount");
        Assert.Equal(40, (int)ceiling["minValue"]!);
        Assert.Equal(1000, (int)ceiling["maxValue"]!);
        Assert.InRange((int)ceiling["defaultValue"]!, 40, 1000);
    }

    [Fact]
    public void Each_instance_gets_an_equal_share_of_the_language_tiers_rate_and_adapts_up_to_the_rate()
    {
        Assert.Equal("[if(equals(parameters('languageSkuName'), 'F0'), 300, 1000)]", (string)templates.Main.Variables["languageRequestsPerMinute"]!);
        Assert.Equal("[max(1, div(variables('languageRequestsPerMinute'), parameters('maximumInstanceCount')))]",
            (string)templates.Main.Variables["languageRequestsPerMinutePerInstance"]!);
        Assert.Equal("[string(variables('languageRequestsPerMinutePerInstance'))]", (string)AppSettings.Of(templates.Main)["Pipeline__Language__RequestsPerMinute"]!);
        // Above the share, each instance adapts up to the tier's rate (LanguagePacer), never below its share.
        Assert.Equal("[string(variables('languageRequestsPerMinute'))]", (string)AppSettings.Of(templates.Main)["Pipeline__Language__ResourceRequestsPerMinute"]!);
        // At the defaults: S tier, 40 instances, 25 a minute each; 40 × 25 = the tier's 1,000.
        Assert.Equal(("S", 40), ((string)Parameter("languageSkuName")["defaultValue"]!, (int)Parameter("maximumInstanceCount")["defaultValue"]!));
    }

    [Fact]
    public void Both_subscriptions_dead_letter_with_the_topic_identity_into_the_dead_letter_container()
    {
        var retract = templates.Main.Single("Microsoft.EventGrid/systemTopics/eventSubscriptions").Properties;
        var ingest = templates.Subscription.Single("Microsoft.EventGrid/systemTopics/eventSubscriptions").Properties;
        foreach (var (subscription, account) in new[] { (retract, "[reference('storage').outputs.id.value]"), (ingest, "[reference(resourceId('Microsoft.EventGrid/systemTopics', parameters('systemTopicName')), '2025-02-15').source]") })
        {
            Assert.Null(subscription["deadLetterDestination"]); // That form would need a key or SAS; the account takes neither.
            var deadLetter = subscription["deadLetterWithResourceIdentity"]!;
            Assert.Equal("SystemAssigned", (string)deadLetter["identity"]!["type"]!);
            Assert.Equal("StorageBlob", (string)deadLetter["deadLetterDestination"]!["endpointType"]!);
            Assert.Equal(account, (string)deadLetter["deadLetterDestination"]!["properties"]!["resourceId"]!);
            Assert.Equal("[variables('names').containers.deadLetter]", (string)deadLetter["deadLetterDestination"]!["properties"]!["blobContainerName"]!);
        }
    }

    [Fact]
    public void Both_subscriptions_retry_thirty_times_over_a_day_and_the_webhook_takes_one_event_at_a_time()
    {
        foreach (var subscription in new[] { templates.Main, templates.Subscription }.Select(t => t.Single("Microsoft.EventGrid/systemTopics/eventSubscriptions").Properties))
        {
            Assert.Equal(30, (int)subscription["retryPolicy"]!["maxDeliveryAttempts"]!);
            Assert.Equal(1440, (int)subscription["retryPolicy"]!["eventTimeToLiveInMinutes"]!);
        }
        var webhook = templates.Subscription.Single("Microsoft.EventGrid/systemTopics/eventSubscriptions").Properties["destination"]!["properties"]!;
        Assert.Equal(1, (int)webhook["maxEventsPerBatch"]!);
    }

    [Fact]
    public void Trusted_services_reach_storage_when_public_access_is_off()
    {
        // Event Grid's deliveries and dead letters with managed identity come in through this bypass under vnetEnabled.
        var acls = templates.Main.Single("Microsoft.Storage/storageAccounts").Properties["networkAcls"]!;
        Assert.Equal("AzureServices", (string)acls["bypass"]!);
        Assert.Equal("[if(parameters('publicNetworkAccess'), 'Allow', 'Deny')]", (string)acls["defaultAction"]!);
    }

    [Fact]
    public void The_workspace_takes_entra_id_only_and_caps_its_daily_ingestion()
    {
        var workspace = templates.Main.Single("Microsoft.OperationalInsights/workspaces").Properties;
        Assert.True((bool)workspace["features"]!["disableLocalAuth"]!);
        Assert.Equal("[parameters('dailyCapGb')]", (string)workspace["workspaceCapping"]!["dailyQuotaGb"]!);
        Assert.Equal("[parameters('logDailyCapGb')]", (string)templates.Main.Modules.Single(m => m.Deployment.Symbol == "monitoring").Deployment.Properties["parameters"]!["dailyCapGb"]!["value"]!);
    }

    [Fact]
    public void Log_alerts_watch_poison_queues_function_failures_and_language_throttling()
    {
        var alerts = templates.Main.Module("alerts").Variables["logAlerts"]!.AsArray()
            .ToDictionary(a => (string)a!["name"]!, a => a!);
        Assert.Equal(["function-failures", "language-throttling", "poison-queue"], alerts.Keys.Order());

        Assert.Equal(0, (int)alerts["poison-queue"]["threshold"]!);
        Assert.Contains("where queue endswith \"-poison\"", (string)alerts["poison-queue"]["query"]!);
        Assert.Equal(["queue"], alerts["poison-queue"]["dimensions"]!.AsArray().Select(d => (string)d!));
        Assert.Equal(5, (int)alerts["function-failures"]["threshold"]!);
        Assert.StartsWith("requests |", (string)alerts["function-failures"]["query"]!);
        // A share of calls, not a count: pacing that adapts above its share meets the rate now and then by design.
        Assert.Equal(("throttledPercent", 5), ((string)alerts["language-throttling"]["measure"]!, (int)alerts["language-throttling"]["threshold"]!));
        foreach (var alert in alerts.Values)
        {
            // Each measure the rule reads must be one its query produces.
            Assert.Contains($"{(string)alert["measure"]!} =", (string)alert["query"]!);
            Assert.Equal(("PT5M", "PT15M"), ((string)alert["frequency"]!, (string)alert["window"]!));
        }
        var rule = templates.Main.Single("Microsoft.Insights/scheduledQueryRules");
        Assert.Equal("[length(variables('logAlerts'))]", (string)rule.Json["copy"]!["count"]!);
        Assert.Equal("[parameters('applicationInsightsId')]", (string)rule.Properties["scopes"]![0]!);
    }

    [Fact]
    public void Metric_alerts_fire_on_any_dead_lettered_or_dropped_event()
    {
        var alerts = templates.Main.Module("alerts").Variables["topicAlerts"]!.AsArray();
        Assert.Equal(["DeadLetteredCount", "DroppedEventCount"], alerts.Select(a => (string)a!["metric"]!).Order());
        var rule = templates.Main.Single("Microsoft.Insights/metricAlerts");
        var criterion = rule.Properties["criteria"]!["allOf"]![0]!;
        Assert.Equal("Microsoft.EventGrid/systemTopics", (string)criterion["metricNamespace"]!);
        Assert.Equal(("GreaterThan", 0, "Total"), ((string)criterion["operator"]!, (int)criterion["threshold"]!, (string)criterion["timeAggregation"]!));
        Assert.Equal("[parameters('systemTopicId')]", (string)rule.Properties["scopes"]![0]!);
        Assert.Equal("[resourceId('Microsoft.EventGrid/systemTopics', variables('ingestTopicName'))]",
            (string)templates.Main.Modules.Single(m => m.Deployment.Symbol == "alerts").Deployment.Properties["parameters"]!["systemTopicId"]!["value"]!);
    }

    [Fact]
    public void Alerts_notify_the_email_action_group_when_one_is_given()
    {
        var group = templates.Main.Single("Microsoft.Insights/actionGroups");
        Assert.Equal("[variables('notify')]", group.Condition);
        Assert.Equal("[not(empty(parameters('alertEmail')))]", (string)templates.Main.Module("alerts").Variables["notify"]!);
        Assert.Equal("[parameters('alertEmail')]", (string)group.Properties["emailReceivers"]![0]!["emailAddress"]!);
        Assert.Equal("", (string)Parameter("alertEmail")["defaultValue"]!);
        Assert.Equal("[variables('actionGroups')]", (string)templates.Main.Single("Microsoft.Insights/scheduledQueryRules").Properties["actions"]!["actionGroups"]!);
    }

    [Fact]
    public void Every_metric_the_alerts_and_the_workbook_query_is_one_that_is_published()
    {
        var queried = new[] { "alerts", "workbook" }.SelectMany(m => Template.Strings(templates.Main.Module(m).Root)).ToList();
        var pipelineNames = queried.SelectMany(q => PipelineMetricName().Matches(q)).Select(m => m.Value).ToHashSet();
        var eventGridNames = queried.SelectMany(q => QuotedName().Matches(q)).Select(m => m.Groups[1].Value).Where(n => n.EndsWith("Count", StringComparison.Ordinal))
            .Concat(templates.Main.Module("alerts").Variables["topicAlerts"]!.AsArray().Select(a => (string)a!["metric"]!)).ToHashSet();

        Assert.Superset(new HashSet<string> { "pipeline.queue.depth", "pipeline.analyzer.throttles", "pipeline.articles.quarantined", "pipeline.article.latency" }, pipelineNames);
        Assert.Subset(PipelineMetrics, pipelineNames);
        Assert.Superset(new HashSet<string> { "DeadLetteredCount", "DroppedEventCount" }, eventGridNames);
        Assert.Subset(EventGridMetrics, eventGridNames);
    }

    [Fact]
    public void The_workbook_shows_the_dashboards_figures_and_the_pipelines_health()
    {
        var workbook = templates.Main.Single("Microsoft.Insights/workbooks");
        Assert.Equal("[string(variables('content'))]", (string)workbook.Properties["serializedData"]!);
        var titles = templates.Main.Module("workbook").Variables["appQueries"]!.AsArray().Select(q => (string)q!["title"]!)
            .Concat(templates.Main.Module("workbook").Variables["workspaceQueries"]!.AsArray().Select(q => (string)q!["title"]!)).ToList();
        foreach (string topic in new[] { "quarantined", "Queue depths", "Upload to summary", "Language", "failures", "dead-lettered" })
            Assert.Contains(titles, t => t.Contains(topic, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Storage_the_app_language_and_event_grid_send_their_logs_to_the_workspace()
    {
        var settings = templates.Main.OfType("Microsoft.Insights/diagnosticSettings").ToList();
        Assert.Equal(5, settings.Count);
        Assert.All(settings, s => Assert.Equal("[parameters('workspaceId')]", (string)s.Properties["workspaceId"]!));
        Assert.All(settings, s => Assert.Null(s.Condition));
        string Categories(TemplateResource s) => string.Join(',', (s.Properties["logs"]?.AsArray() ?? []).Select(l => (string?)l!["category"] ?? (string)l!["categoryGroup"]!));
        Assert.Equal(["", "DeliveryFailures", "FunctionAppLogs", "StorageWrite,StorageDelete", "allLogs"], settings.Select(Categories).Order(StringComparer.Ordinal));
        Assert.Equal("[reference('monitoring').outputs.workspaceId.value]",
            (string)templates.Main.Modules.Single(m => m.Deployment.Symbol == "diagnostics").Deployment.Properties["parameters"]!["workspaceId"]!["value"]!);
    }

    [GeneratedRegex(@"pipeline\.[a-z_]+(\.[a-z_]+)*")]
    private static partial Regex PipelineMetricName();

    [GeneratedRegex("\"([A-Za-z]+)\"")]
    private static partial Regex QuotedName();
}
