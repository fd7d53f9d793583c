// Log Analytics + workspace-based Application Insights. Local (instrumentation-key) ingestion is switched off, so
// only callers holding Monitoring Metrics Publisher on this component can send telemetry.

param logAnalyticsName string
param applicationInsightsName string
param location string
param tags { *: string }

@minValue(30)
@maxValue(730)
param retentionInDays int

@minValue(1)
param dailyCapGb int

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    // Queries and ingestion with Entra ID only, as for every other resource here.
    features: {
      disableLocalAuth: true
    }
    workspaceCapping: {
      dailyQuotaGb: dailyCapGb
    }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    DisableLocalAuth: true
  }
}

// The connection string is deliberately not an output: deployment outputs are readable by anyone with read access
// to the resource group's deployment history. main.bicep reads it from the resource directly.
output applicationInsightsName string = appInsights.name
output applicationInsightsId string = appInsights.id
output workspaceId string = workspace.id
