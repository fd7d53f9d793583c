
namespace Pipeline.Infra.Tests;

[Collection(CompiledTemplatesCollection.Name)]
public sealed class SecurityTests(CompiledTemplates templates)
{
    Template Main => templates.Main;

    [Fact]
    public void Storage_accepts_only_entra_ids_over_tls12()
    {
        var account = Main.Single("Microsoft.Storage/storageAccounts").Properties;
        Assert.False((bool)account["allowSharedKeyAccess"]!);
        Assert.False((bool)account["allowBlobPublicAccess"]!);
        Assert.True((bool)account["defaultToOAuthAuthentication"]!);
        Assert.Equal("TLS1_2", (string)account["minimumTlsVersion"]!);
        Assert.True((bool)account["supportsHttpsTrafficOnly"]!);
        Assert.All(Main.OfType("Microsoft.Storage/storageAccounts/blobServices/containers"),
            c => Assert.Equal("None", (string)c.Properties["publicAccess"]!));
    }

    [Fact]
    public void Function_app_is_https_only_without_ftp_or_basic_publishing()
    {
        var app = Main.Single("Microsoft.Web/sites");
        Assert.True((bool)app.Properties["httpsOnly"]!);
        var site = app.Properties["siteConfig"]!;
        Assert.Equal("Disabled", (string)site["ftpsState"]!);
        Assert.Equal("1.2", (string)site["minTlsVersion"]!);
        Assert.Equal("1.2", (string)site["scmMinTlsVersion"]!);

        var policies = Main.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();
        Assert.Equal(["ftp", "scm"], policies.Select(p => ((string)p.Json["name"]!).Split('/', '\'')[^2]).Order());
        Assert.All(policies, p => Assert.False((bool)p.Properties["allow"]!));
    }

    [Fact]
    public void Dashboard_cors_allows_only_the_origins_the_deployment_names_and_no_credentials()
    {
        var cors = Main.Single("Microsoft.Web/sites").Properties["siteConfig"]!["cors"]!;
        Assert.Equal("[parameters('dashboardAllowedOrigins')]", (string)cors["allowedOrigins"]!);
        Assert.False((bool)cors["supportCredentials"]!);
        Assert.Equal("[parameters('dashboardAllowedOrigins')]", ModuleParameter("functionApp", "dashboardAllowedOrigins"));
        Assert.Empty(Main.Parameters["dashboardAllowedOrigins"]!["defaultValue"]!.AsArray());
    }

    [Fact]
    public void Function_app_runs_dotnet_isolated_10_on_flex_consumption()
    {
        var plan = Main.Single("Microsoft.Web/serverfarms");
        Assert.Equal("FC1", (string)plan.Json["sku"]!["name"]!);
        Assert.Equal("FlexConsumption", (string)plan.Json["sku"]!["tier"]!);
        Assert.True((bool)plan.Properties["reserved"]!);

        var app = Main.Single("Microsoft.Web/sites");
        Assert.Equal("functionapp,linux", (string)app.Json["kind"]!);
        var config = app.Properties["functionAppConfig"]!;
        Assert.Equal("dotnet-isolated", (string)config["runtime"]!["name"]!);
        Assert.Equal("10.0", (string)config["runtime"]!["version"]!);
        Assert.Equal("[parameters('maximumInstanceCount')]", (string)config["scaleAndConcurrency"]!["maximumInstanceCount"]!);
        Assert.Equal("[parameters('instanceMemoryMB')]", (string)config["scaleAndConcurrency"]!["instanceMemoryMB"]!);
        Assert.Equal("[parameters('maximumInstanceCount')]", ModuleParameter("functionApp", "maximumInstanceCount"));
        Assert.Equal("[parameters('instanceMemoryMB')]", ModuleParameter("functionApp", "instanceMemoryMB"));
        Assert.Equal(new[] { 512, 2048, 4096 }, Main.Parameters["instanceMemoryMB"]!["allowedValues"]!.AsArray().Select(v => (int)v!));
    }

    [Fact]
    public void Deployment_package_is_pulled_with_the_user_assigned_identity()
    {
        var app = Main.Single("Microsoft.Web/sites");
        Assert.Equal("UserAssigned", (string)app.Json["identity"]!["type"]!);
        var storage = app.Properties["functionAppConfig"]!["deployment"]!["storage"]!;
        Assert.Equal("blobContainer", (string)storage["type"]!);
        Assert.Equal("[format('{0}{1}', parameters('deploymentBlobEndpoint'), parameters('deploymentContainerName'))]", (string)storage["value"]!);
        Assert.Equal("UserAssignedIdentity", (string)storage["authentication"]!["type"]!);
        Assert.Equal("[parameters('identityId')]", (string)storage["authentication"]!["userAssignedIdentityResourceId"]!);
        Assert.Equal("[variables('deploymentContainerName')]", ModuleParameter("functionApp", "deploymentContainerName"));
        Assert.Equal("[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', format('id-{0}', variables('resourceToken')))]",
            ModuleParameter("functionApp", "identityId"));
    }

    [Fact]
    public void App_settings_reach_the_site_unchanged()
    {
        var settings = Main.Single("Microsoft.Web/sites/config");
        Assert.EndsWith("'appsettings')]", (string)settings.Json["name"]!);
        Assert.Equal("[parameters('appSettings')]", settings.Json["properties"]!.ToString());
    }

    [Fact]
    public void Language_account_uses_entra_id_only()
    {
        var account = Main.Single("Microsoft.CognitiveServices/accounts");
        Assert.Equal("TextAnalytics", (string)account.Json["kind"]!);
        Assert.True((bool)account.Properties["disableLocalAuth"]!);
        Assert.Equal("[parameters('name')]", (string)account.Properties["customSubDomainName"]!);
    }

    [Fact]
    public void Application_insights_rejects_key_only_ingestion()
    {
        var component = Main.Single("Microsoft.Insights/components");
        Assert.True((bool)component.Properties["DisableLocalAuth"]!);
        Assert.NotNull(component.Properties["WorkspaceResourceId"]);
    }

    [Fact]
    public void No_app_setting_holds_a_key()
    {
        var settings = AppSettings.Of(Main);
        foreach (var (name, value) in settings)
        {
            var text = value!.ToString();
            Assert.DoesNotContain("list", text, StringComparison.OrdinalIgnoreCase); // listKeys, listSecrets, list*()
            Assert.DoesNotContain("AccountKey=", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SharedAccessSignature", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("sig=", text, StringComparison.OrdinalIgnoreCase);
            Assert.False(name.EndsWith("ConnectionString", StringComparison.OrdinalIgnoreCase) && name.StartsWith("AzureWebJobs", StringComparison.Ordinal));
        }
        // Flex Consumption rejects these, and the first two would carry a storage key.
        foreach (var forbidden in new[] { "AzureWebJobsStorage", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "WEBSITE_CONTENTSHARE",
                     "WEBSITE_RUN_FROM_PACKAGE", "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "APPINSIGHTS_INSTRUMENTATIONKEY" })
            Assert.False(settings.ContainsKey(forbidden), forbidden);
    }

    [Fact]
    public void Stage_one_never_reads_a_key()
    {
        // The only key the deployment touches is the webhook key in stage 2.
        Assert.DoesNotContain(Template.Strings(Main.Root), s => s.Contains("list", StringComparison.OrdinalIgnoreCase) && s.Contains('(') && s.StartsWith('['));
        Assert.DoesNotContain(Template.Strings(Main.Root), s => s.Contains("AccountKey=", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void No_output_exposes_a_key_or_connection_string()
    {
        foreach (var template in Main.AllTemplates.Append(templates.Subscription))
        {
            foreach (var (name, output) in template.Outputs)
            {
                var text = output!.ToJsonString();
                Assert.False(text.Contains("list", StringComparison.OrdinalIgnoreCase) && text.Contains("Keys", StringComparison.Ordinal), $"{template.Path} output {name}");
                Assert.DoesNotContain("ConnectionString", text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("AccountKey", text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("InstrumentationKey", text, StringComparison.OrdinalIgnoreCase);
                Assert.NotEqual("secureString", (string?)output["type"]);
            }
        }
        Assert.Empty(templates.Subscription.Outputs);
    }

    [Fact]
    public void App_settings_are_passed_as_a_secure_parameter()
    {
        // Keeps the Application Insights connection string out of the module deployment's recorded inputs.
        var parameter = Main.Module("functionApp").Parameters["appSettings"]!;
        Assert.Equal("secureObject", (string)parameter["type"]!);
    }

    string ModuleParameter(string module, string parameter) =>
        Main.Modules.Single(m => m.Deployment.Symbol == module).Deployment.Properties["parameters"]![parameter]!["value"]!.ToString();
}
