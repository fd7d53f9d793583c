namespace Pipeline.Infra.Tests;

[Collection(CompiledTemplatesCollection.Name)]
public sealed class RoleAssignmentTests(CompiledTemplates templates)
{
    const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    const string StorageQueueDataMessageSender = "c6a89b2d-59bc-44d0-9896-0f6e12d7b80a";
    const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    const string CognitiveServicesUser = "a97b65f3-24c7-4388-baec-2e87135dc908";
    const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    const string Storage = "[resourceId('Microsoft.Storage/storageAccounts', parameters('storageAccountName'))]";
    const string Language = "[resourceId('Microsoft.CognitiveServices/accounts', parameters('languageAccountName'))]";
    const string DeletedQueue = "[resourceId('Microsoft.Storage/storageAccounts/queueServices/queues', split(format('{0}/default/{1}', parameters('storageAccountName'), parameters('deletedQueueName')), '/')[0], split(format('{0}/default/{1}', parameters('storageAccountName'), parameters('deletedQueueName')), '/')[1], split(format('{0}/default/{1}', parameters('storageAccountName'), parameters('deletedQueueName')), '/')[2])]";
    const string DeadLetterContainer = "[resourceId('Microsoft.Storage/storageAccounts/blobServices/containers', split(format('{0}/default/{1}', parameters('storageAccountName'), parameters('deadLetterContainerName')), '/')[0], split(format('{0}/default/{1}', parameters('storageAccountName'), parameters('deadLetterContainerName')), '/')[1], split(format('{0}/default/{1}', parameters('storageAccountName'), parameters('deadLetterContainerName')), '/')[2])]";
    const string AppInsights = "[resourceId('Microsoft.Insights/components', parameters('applicationInsightsName'))]";

    sealed record Grant(string Principal, string RoleId, string Scope, bool Conditional);

    static readonly Grant[] Expected =
    [
        new("app", StorageBlobDataOwner, Storage, false),
        new("app", StorageQueueDataContributor, Storage, false),
        new("app", StorageTableDataContributor, Storage, false),
        new("app", CognitiveServicesUser, Language, false),
        new("app", MonitoringMetricsPublisher, AppInsights, false),
        new("topic", StorageQueueDataMessageSender, DeletedQueue, false),
        new("topic", StorageBlobDataContributor, DeadLetterContainer, false),
        new("operator", StorageBlobDataContributor, Storage, true),
        new("operator", StorageQueueDataContributor, Storage, true),
        new("operator", StorageTableDataContributor, Storage, true),
        new("operator", CognitiveServicesUser, Language, true),
    ];

    List<TemplateResource> Assignments =>
        templates.Main.AllTemplates.Append(templates.Subscription)
            .SelectMany(t => t.OwnResources)
            .Where(r => r.Type == "Microsoft.Authorization/roleAssignments")
            .ToList();

    /// <summary>Azure's built-in roles the template may grant, by the ids Azure publishes for them.</summary>
    static readonly Dictionary<string, string> BuiltInRoles = new()
    {
        [StorageBlobDataOwner] = "Storage Blob Data Owner",
        [StorageBlobDataContributor] = "Storage Blob Data Contributor",
        [StorageQueueDataContributor] = "Storage Queue Data Contributor",
        [StorageQueueDataMessageSender] = "Storage Queue Data Message Sender",
        [StorageTableDataContributor] = "Storage Table Data Contributor",
        [CognitiveServicesUser] = "Cognitive Services User",
        [MonitoringMetricsPublisher] = "Monitoring Metrics Publisher",
    };

    static Grant Describe(TemplateResource assignment)
    {
        // A built-in role by its published id, at subscription scope: a typo'd or custom role id, or one built at run time, fails here.
        var roleDefinitionId = (string)assignment.Properties["roleDefinitionId"]!;
        var match = System.Text.RegularExpressions.Regex.Match(roleDefinitionId, @"^\[subscriptionResourceId\('Microsoft\.Authorization/roleDefinitions', '([0-9a-f-]{36})'\)\]$");
        Assert.True(match.Success, $"{assignment}: role definition {roleDefinitionId} is not a built-in role by id");
        var roleId = match.Groups[1].Value;
        Assert.True(BuiltInRoles.ContainsKey(roleId), $"{assignment}: {roleId} is not one of the built-in roles this template means to grant");

        var principal = (string)assignment.Properties["principalId"]! switch
        {
            "[parameters('appPrincipalId')]" => "app",
            "[parameters('operatorPrincipalId')]" => "operator",
            "[parameters('topicPrincipalId')]" => "topic",
            var other => throw new Xunit.Sdk.XunitException($"{assignment}: unexpected principal {other}"),
        };

        // A role assignment without a scope lands on the resource group: exactly what must not happen.
        var scope = assignment.Scope ?? throw new Xunit.Sdk.XunitException($"{assignment} has no scope (resource-group wide)");
        return new Grant(principal, roleId, scope, assignment.Condition is not null);
    }

    [Fact]
    public void Exactly_the_expected_roles_on_exactly_the_expected_resources()
    {
        var actual = Assignments.Select(Describe).ToList();
        Assert.Equal(Expected.OrderBy(g => g.ToString()), actual.OrderBy(g => g.ToString()));
    }

    [Fact]
    public void Scopes_are_the_resources_main_creates()
    {
        var rbac = templates.Main.Modules.Single(m => m.Deployment.Symbol == "rbac").Deployment.Properties["parameters"]!;
        Assert.Equal("[variables('storageAccountName')]", (string)rbac["storageAccountName"]!["value"]!);
        Assert.Equal("[variables('languageAccountName')]", (string)rbac["languageAccountName"]!["value"]!);
        Assert.Equal("[variables('applicationInsightsName')]", (string)rbac["applicationInsightsName"]!["value"]!);
        Assert.Equal("[reference('identity').principalId]", (string)rbac["appPrincipalId"]!["value"]!);
        Assert.Equal("[parameters('principalId')]", (string)rbac["operatorPrincipalId"]!["value"]!);
        Assert.Equal("[reference('ingestTopic', '2025-02-15', 'full').identity.principalId]", (string)rbac["topicPrincipalId"]!["value"]!);
        Assert.Equal("[resourceId('Microsoft.EventGrid/systemTopics', variables('ingestTopicName'))]", (string)rbac["topicId"]!["value"]!);
        Assert.Equal("[variables('names').queues.deleted]", (string)rbac["deletedQueueName"]!["value"]!);
        Assert.Equal("[variables('names').containers.deadLetter]", (string)rbac["deadLetterContainerName"]!["value"]!);
        Assert.Equal("[variables('storageAccountName')]", (string)templates.Main.Modules.Single(m => m.Deployment.Symbol == "storage").Deployment.Properties["parameters"]!["name"]!["value"]!);
        Assert.Equal("[variables('languageAccountName')]", (string)templates.Main.Modules.Single(m => m.Deployment.Symbol == "language").Deployment.Properties["parameters"]!["name"]!["value"]!);
    }

    [Fact]
    public void Operator_roles_only_when_a_principal_is_given()
    {
        foreach (var assignment in Assignments.Where(a => Describe(a).Principal == "operator"))
            Assert.Equal("[variables('hasOperator')]", assignment.Condition);
        Assert.Equal("[not(empty(parameters('operatorPrincipalId')))]", (string)templates.Main.Module("rbac").Variables["hasOperator"]!);
        Assert.Equal("", (string)templates.Main.Parameters["principalId"]!["defaultValue"]!);
    }

    [Fact]
    public void Managed_identities_are_declared_service_principals()
    {
        foreach (var assignment in Assignments.Where(a => Describe(a).Principal is "app" or "topic"))
            Assert.Equal("ServicePrincipal", (string)assignment.Properties["principalType"]!);
    }

    [Fact]
    public void Role_assignment_names_are_known_before_deployment()
    {
        // guid() over runtime values would make what-if guess, and a recreated identity would orphan the old assignment.
        // Inside the module every input is a parameter, so the test names what may seed a name: the scope, and ids that
        // exist before deployment (the resource id of an identity or topic, the operator's object id). The principal ids
        // of identities the deployment creates are known only once they exist.
        string[] knownBefore = ["parameters('appIdentityId')", "parameters('topicId')", "parameters('operatorPrincipalId')"];
        string[] runtime = ["parameters('appPrincipalId')", "parameters('topicPrincipalId')", "reference("];
        foreach (var assignment in Assignments)
        {
            var name = (string)assignment.Json["name"]!;
            Assert.StartsWith("[guid(", name);
            Assert.Contains(knownBefore, name.Contains);
            Assert.DoesNotContain(runtime, name.Contains);
        }
    }

    [Fact]
    public void No_deployment_targets_a_wider_scope()
    {
        Assert.Equal("https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", (string)templates.Main.Root["$schema"]!);
        Assert.Equal("https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", (string)templates.Subscription.Root["$schema"]!);
        Assert.All(templates.Main.Modules, m =>
        {
            Assert.Null(m.Deployment.Json["subscriptionId"]);
            Assert.Null(m.Deployment.Json["resourceGroup"]);
            Assert.Null(m.Deployment.Json["scope"]);
        });
    }
}
