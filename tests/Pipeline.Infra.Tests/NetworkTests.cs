namespace Pipeline.Infra.Tests;

[Collection(CompiledTemplatesCollection.Name)]
public sealed class NetworkTests(CompiledTemplates templates)
{
    Template Network => templates.Main.Module("network");

    [Fact]
    public void Private_networking_is_opt_in()
    {
        var network = templates.Main.Modules.Single(m => m.Deployment.Symbol == "network").Deployment;
        Assert.Equal("[parameters('vnetEnabled')]", network.Condition);
        Assert.False((bool)templates.Main.Parameters["vnetEnabled"]!["defaultValue"]!);
        // Bicep folds the conditional into the whole parameter value: the subnet only when the network exists.
        Assert.Equal("[if(parameters('vnetEnabled'), createObject('value', reference('network').outputs.appSubnetId.value), createObject('value', ''))]",
            (string)templates.Main.Modules.Single(m => m.Deployment.Symbol == "functionApp").Deployment.Properties["parameters"]!["subnetId"]!);
        Assert.Equal("[if(empty(parameters('subnetId')), null(), parameters('subnetId'))]",
            (string)templates.Main.Single("Microsoft.Web/sites").Properties["virtualNetworkSubnetId"]!);
    }

    [Fact]
    public void App_subnet_is_delegated_for_flex_consumption()
    {
        var vnet = Network.Single("Microsoft.Network/virtualNetworks");
        var subnets = vnet.Properties["subnets"]!.AsArray();
        var delegations = subnets.SelectMany(s => s!["properties"]!["delegations"]?.AsArray() ?? []).ToList();
        var delegation = Assert.Single(delegations);
        Assert.Equal("Microsoft.App/environments", (string)delegation!["properties"]!["serviceName"]!);
    }

    [Fact]
    public void Storage_and_language_get_private_endpoints_and_dns_zones()
    {
        var endpoints = Network.Variables["endpoints"]!.AsArray();
        Assert.Equal(["account", "blob", "queue", "table"], endpoints.Select(e => (string)e!["groupId"]!).Order());
        Assert.Contains(endpoints, e => (string)e!["zone"]! == "privatelink.cognitiveservices.azure.com");
        Assert.Single(Network.OfType("Microsoft.Network/privateEndpoints"));
        Assert.Single(Network.OfType("Microsoft.Network/privateDnsZones"));
        Assert.Single(Network.OfType("Microsoft.Network/privateDnsZones/virtualNetworkLinks"));
        Assert.Single(Network.OfType("Microsoft.Network/privateEndpoints/privateDnsZoneGroups"));
    }

    [Fact]
    public void Public_access_closes_when_private_networking_is_on()
    {
        Assert.Equal("[not(parameters('vnetEnabled'))]", (string)templates.Main.Modules.Single(m => m.Deployment.Symbol == "storage").Deployment.Properties["parameters"]!["publicNetworkAccess"]!["value"]!);
        Assert.Equal("[not(parameters('vnetEnabled'))]", (string)templates.Main.Modules.Single(m => m.Deployment.Symbol == "language").Deployment.Properties["parameters"]!["publicNetworkAccess"]!["value"]!);
        Assert.Equal("[if(parameters('publicNetworkAccess'), 'Enabled', 'Disabled')]",
            (string)templates.Main.Single("Microsoft.Storage/storageAccounts").Properties["publicNetworkAccess"]!);
        Assert.Equal("[if(parameters('publicNetworkAccess'), 'Enabled', 'Disabled')]",
            (string)templates.Main.Single("Microsoft.CognitiveServices/accounts").Properties["publicNetworkAccess"]!);
    }
}
