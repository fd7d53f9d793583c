namespace Pipeline.Infra.Tests;

[Collection(CompiledTemplatesCollection.Name)]
public sealed class EventGridTests(CompiledTemplates templates)
{
    [Fact]
    public void System_topic_watches_the_data_storage_account()
    {
        var topic = templates.Main.Single("Microsoft.EventGrid/systemTopics");
        Assert.Equal("Microsoft.Storage.StorageAccounts", (string)topic.Properties["topicType"]!);
        Assert.Equal("[reference('storage').outputs.id.value]", (string)topic.Properties["source"]!);
        Assert.Equal("[variables('ingestTopicName')]", (string)templates.Main.Outputs["INGEST_SYSTEM_TOPIC_NAME"]!["value"]!);
        Assert.Equal("SystemAssigned", (string)topic.Json["identity"]!["type"]!);
    }

    [Fact]
    public void Stage_one_subscribes_only_the_deletion_queue()
    {
        // The webhook cannot validate before the code is deployed; a webhook subscription here would fail `azd provision`.
        var subscription = templates.Main.Single("Microsoft.EventGrid/systemTopics/eventSubscriptions");
        Assert.Equal("retract-article", subscription.Json["name"]!.ToString().Split('\'')[^2]);
        Assert.Null(subscription.Properties["destination"]);
    }

    [Fact]
    public void Deleted_articles_go_to_the_deletion_queue_delivered_with_the_topic_identity()
    {
        var subscription = templates.Main.Single("Microsoft.EventGrid/systemTopics/eventSubscriptions");
        var delivery = subscription.Properties["deliveryWithResourceIdentity"]!;
        Assert.Equal("SystemAssigned", (string)delivery["identity"]!["type"]!);
        Assert.Equal("StorageQueue", (string)delivery["destination"]!["endpointType"]!);
        var queue = delivery["destination"]!["properties"]!;
        Assert.Equal("[reference('storage').outputs.id.value]", (string)queue["resourceId"]!);
        Assert.Equal("[variables('names').queues.deleted]", (string)queue["queueName"]!);
        Assert.Equal(-1, (int)queue["queueMessageTimeToLiveInSeconds"]!);

        var filter = subscription.Properties["filter"]!;
        Assert.Equal(["Microsoft.Storage.BlobDeleted"], filter["includedEventTypes"]!.AsArray().Select(e => (string)e!));
        Assert.Equal(
            (string)templates.Subscription.Single("Microsoft.EventGrid/systemTopics/eventSubscriptions").Properties["filter"]!["subjectBeginsWith"]!,
            (string)filter["subjectBeginsWith"]!);
        Assert.Equal("EventGridSchema", (string)subscription.Properties["eventDeliverySchema"]!);

        // Created only once the topic may send to the queue: Event Grid checks its access when it creates a subscription.
        Assert.Contains("rbac", subscription.Json["dependsOn"]!.AsArray().Select(d => (string)d!));
    }

    [Fact]
    public void Subscription_delivers_blob_created_events_of_the_articles_container()
    {
        var subscription = templates.Subscription.Single("Microsoft.EventGrid/systemTopics/eventSubscriptions");
        var filter = subscription.Properties["filter"]!;
        Assert.Equal(["Microsoft.Storage.BlobCreated"], filter["includedEventTypes"]!.AsArray().Select(e => (string)e!));
        Assert.Equal("[format('/blobServices/default/containers/{0}/', variables('names').containers.articles)]", (string)filter["subjectBeginsWith"]!);
        Assert.Equal("EventGridSchema", (string)subscription.Properties["eventDeliverySchema"]!);
    }

    [Fact]
    public void Subscription_calls_the_IngestArticle_blob_extension_webhook_with_the_system_key()
    {
        var destination = templates.Subscription.Single("Microsoft.EventGrid/systemTopics/eventSubscriptions").Properties["destination"]!;
        Assert.Equal("WebHook", (string)destination["endpointType"]!);
        var url = (string)destination["properties"]!["endpointUrl"]!;
        Assert.Equal(
            "[format('https://{0}/runtime/webhooks/blobs?functionName=Host.Functions.{1}&code={2}', " +
            "reference(resourceId('Microsoft.Web/sites', parameters('functionAppName')), '2024-11-01').defaultHostName, " +
            "variables('names').functions.ingest, " +
            "listKeys(resourceId('Microsoft.Web/sites/host', parameters('functionAppName'), 'default'), '2024-11-01').systemKeys.blobs_extension)]",
            url);
    }

    [Fact]
    public void Stage_two_reads_the_key_only_for_the_webhook()
    {
        var withList = Template.Strings(templates.Subscription.Root).Where(s => s.Contains("listKeys", StringComparison.Ordinal)).ToList();
        var only = Assert.Single(withList);
        Assert.StartsWith("[format('https://{0}/runtime/webhooks/blobs", only);
    }

    [Fact]
    public void Stage_two_takes_its_inputs_from_stage_one_outputs()
    {
        Assert.Equal(["functionAppName", "systemTopicName"], templates.Subscription.Parameters.Select(p => p.Key).Order());
        Assert.True(templates.Main.Outputs.ContainsKey("AZURE_FUNCTION_APP_NAME"));
        Assert.True(templates.Main.Outputs.ContainsKey("INGEST_SYSTEM_TOPIC_NAME"));
        Assert.True(templates.Main.Outputs.ContainsKey("AZURE_RESOURCE_GROUP"));
        var hook = File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "scripts/subscribe-ingest.sh"));
        Assert.Contains("functionAppName=\"$AZURE_FUNCTION_APP_NAME\" systemTopicName=\"$INGEST_SYSTEM_TOPIC_NAME\"", hook);
        Assert.Contains("infra/eventgrid-subscription.bicep", hook);
    }
}
