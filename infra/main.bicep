// Pipeline: news-article ingestion on Azure Functions Flex Consumption.
//
// Stage 1 (this file; `azd provision` or `az deployment group create`): everything except the Event Grid
// subscription. Stage 2 (eventgrid-subscription.bicep, run by the azd postdeploy hook) subscribes IngestArticle's
// blob-extension webhook: its URL carries the host's blobs_extension system key, which exists only once the
// code is deployed and the host has loaded the Event Grid-sourced blob trigger, and Event Grid validates the
// webhook when the subscription is created. See README.md.

targetScope = 'resourceGroup'

@minLength(1)
@maxLength(64)
@description('azd environment name. Seeds the unique resource names and the azd-env-name tag.')
param environmentName string

@description('Region for every resource. It must offer Flex Consumption: az functionapp list-flexconsumption-locations.')
param location string = resourceGroup().location

@description('Object id of the user or pipeline running the deployment (azd passes the signed-in user). When set it gets data roles on storage and Language so the operator tools work with Entra sign-in. Empty grants nothing.')
param principalId string = ''

@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

// 40 is the lowest ceiling Flex Consumption accepts in every region it is offered in; lower values have been accepted
// only as a preview in a few regions (azure-functions-host#10523, Azure/Azure-Functions#2650), and the Flex samples
// declare the same floor. It is also the default: the smallest scale-out, bill and Language share that deploys anywhere.
@minValue(40)
@maxValue(1000)
@description('Flex Consumption scale-out ceiling (40 to 1000). Each instance gets an equal share of the Language tier\'s request rate, so raising it lowers every instance\'s share.')
param maximumInstanceCount int = 40

@allowed([
  512
  2048
  4096
])
@description('Memory per instance (MB); Flex bills GB-seconds, so more memory costs proportionally more per second.')
param instanceMemoryMB int = 2048

@description('Put storage and Language behind private endpoints in a new VNet and integrate the app with it.')
param vnetEnabled bool = false

@allowed([
  'F0'
  'S'
])
@description('Language pricing tier. F0 (one per subscription, 5,000 text records a month) suits a trial; production needs S.')
param languageSkuName string = 'S'

@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@minValue(1)
@description('Daily ingestion cap of the Log Analytics workspace, in GB; telemetry past it is dropped until the next day, so a log storm cannot run up the bill.')
param logDailyCapGb int = 1

@description('Address that receives the pipeline\'s alerts by email. Empty: the alerts still fire and show in Azure Monitor, but notify no one.')
param alertEmail string = ''

@description('Origins (scheme://host[:port]) whose browser pages may read the dashboard API, e.g. a Grafana or newsroom site; the Function app\'s platform CORS. Empty: same-origin only.')
param dashboardAllowedOrigins string[] = []

// The storage names the application code uses (src/Pipeline.Contracts/PipelineNames.cs). A test keeps the two
// in step; change both together.
var names = loadJsonContent('names.json')

// Language's documented request rates per tier (requests a minute). Every instance is guaranteed an equal share, so
// together they stay under the resource's rate at full scale-out, and climbs above it towards the resource's rate while
// nothing is throttled, so a few busy instances are not held to a share sized for the cap.
var languageRequestsPerMinute = languageSkuName == 'F0' ? 300 : 1000
var languageRequestsPerMinutePerInstance = max(1, languageRequestsPerMinute / maximumInstanceCount)

var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }

var functionAppName = 'func-${resourceToken}'
// Flex Consumption pulls the app package from this container; one per app so apps never overwrite each other.
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}-${take(resourceToken, 7)}'
var containerNames = concat(map(items(names.containers), c => c.value), [deploymentContainerName])
var queueNames = map(items(names.queues), q => q.value)
var storageAccountName = 'st${resourceToken}'
var languageAccountName = 'lang-${resourceToken}'
var applicationInsightsName = 'appi-${resourceToken}'
var ingestTopicName = 'evgt-${resourceToken}'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: 'id-${resourceToken}'
  location: location
  tags: tags
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: storageAccountName
    location: location
    tags: tags
    containerNames: containerNames
    queueNames: queueNames
    tableNames: names.tables
    publicNetworkAccess: !vnetEnabled
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
    dailyCapGb: logDailyCapGb
  }
}

module language 'modules/language.bicep' = {
  name: 'language'
  params: {
    name: languageAccountName
    location: location
    tags: tags
    skuName: languageSkuName
    publicNetworkAccess: !vnetEnabled
  }
}

module network 'modules/network.bicep' = if (vnetEnabled) {
  name: 'network'
  params: {
    name: 'vnet-${resourceToken}'
    location: location
    tags: tags
    storageAccountId: storage.outputs.id
    languageAccountId: language.outputs.id
  }
}

module rbac 'modules/rbac.bicep' = {
  name: 'rbac'
  params: {
    // Names known at compile time (not module outputs) keep what-if precise; dependsOn orders the work instead.
    storageAccountName: storageAccountName
    languageAccountName: languageAccountName
    applicationInsightsName: applicationInsightsName
    appIdentityId: identity.id
    appPrincipalId: identity.properties.principalId
    deletedQueueName: names.queues.deleted
    deadLetterContainerName: names.containers.deadLetter
    topicId: ingestTopic.id
    topicPrincipalId: ingestTopic.identity.principalId
    operatorPrincipalId: principalId
    operatorPrincipalType: principalType
  }
  // Storage comes first already: the topic's identity (an input) is created after the account it watches.
  dependsOn: [
    language
    monitoring
  ]
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
  dependsOn: [
    monitoring
  ]
}

// Identity-based connections only: each connection names its service URIs, the credential kind and which
// user-assigned identity to use. No setting holds a key.
var appSettings = {
  AzureWebJobsStorage__blobServiceUri: storage.outputs.blobEndpoint
  AzureWebJobsStorage__queueServiceUri: storage.outputs.queueEndpoint
  AzureWebJobsStorage__tableServiceUri: storage.outputs.tableEndpoint
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identity.properties.clientId
  PipelineStorage__blobServiceUri: storage.outputs.blobEndpoint
  PipelineStorage__queueServiceUri: storage.outputs.queueEndpoint
  PipelineStorage__tableServiceUri: storage.outputs.tableEndpoint
  PipelineStorage__credential: 'managedidentity'
  PipelineStorage__clientId: identity.properties.clientId
  Pipeline__Analyzer: 'AzureLanguage'
  Pipeline__Language__Endpoint: language.outputs.endpoint
  Pipeline__Language__RequestsPerMinute: string(languageRequestsPerMinutePerInstance)
  Pipeline__Language__ResourceRequestsPerMinute: string(languageRequestsPerMinute)
  // DefaultAzureCredential in the worker picks the user-assigned identity from this.
  AZURE_CLIENT_ID: identity.properties.clientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
  // The component rejects key-only ingestion; the host authenticates with the identity instead.
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    name: functionAppName
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    serviceName: 'pipeline'
    identityId: identity.id
    deploymentBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    appSettings: appSettings
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    subnetId: vnetEnabled ? network!.outputs.appSubnetId : ''
    dashboardAllowedOrigins: dashboardAllowedOrigins
  }
  // The host starts as soon as the app exists; without its roles in place the first start fails on storage.
  dependsOn: [
    rbac
  ]
}

// Blob events for the whole account. Its own identity delivers deletions to a queue: the account takes no shared keys.
resource ingestTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: ingestTopicName
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    source: storage.outputs.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

// Deleted articles reach RetractArticle through a storage queue, so this subscription needs nothing from the deployed
// code and belongs to stage 1; stage 2 adds the BlobCreated webhook. With private networking Event Grid still gets
// in: it is a trusted service (the account's AzureServices bypass) delivering with a managed identity.
resource retractSubscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: ingestTopic
  name: 'retract-article'
  properties: {
    deliveryWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      destination: {
        endpointType: 'StorageQueue'
        properties: {
          resourceId: storage.outputs.id
          queueName: names.queues.deleted
          // A retraction must never expire unseen: the queue keeps it until RetractArticle has taken it out.
          queueMessageTimeToLiveInSeconds: -1
        }
      }
    }
    // After 30 attempts or 24 hours, or at once on an error Event Grid does not retry, the event is kept, not dropped:
    // the dead-letter alert fires and `pipeline replay --dead-letter` sends it on.
    deadLetterWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: storage.outputs.id
          blobContainerName: names.containers.deadLetter
        }
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobDeleted'
      ]
      // The same subject filter as the BlobCreated webhook (eventgrid-subscription.bicep).
      subjectBeginsWith: '/blobServices/default/containers/${names.containers.articles}/'
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
  // Event Grid checks its identity's access (queue and dead-letter container) when the subscription is created.
  dependsOn: [
    rbac
  ]
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  params: {
    location: location
    tags: tags
    applicationInsightsId: monitoring.outputs.applicationInsightsId
    systemTopicId: ingestTopic.id
    alertEmail: alertEmail
  }
}

module diagnostics 'modules/diagnostics.bicep' = {
  name: 'diagnostics'
  params: {
    workspaceId: monitoring.outputs.workspaceId
    // Names known at compile time keep what-if precise, as for rbac; dependsOn orders the work.
    storageAccountName: storageAccountName
    functionAppName: functionAppName
    languageAccountName: languageAccountName
    systemTopicName: ingestTopic.name
  }
  // The topic (an input) comes after storage already.
  dependsOn: [
    functionApp
    language
  ]
}

module workbook 'modules/workbook.bicep' = {
  name: 'workbook'
  params: {
    location: location
    tags: tags
    applicationInsightsId: monitoring.outputs.applicationInsightsId
    workspaceId: monitoring.outputs.workspaceId
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup().name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_HOSTNAME string = functionApp.outputs.defaultHostName
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_LANGUAGE_ENDPOINT string = language.outputs.endpoint
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.properties.clientId
output INGEST_SYSTEM_TOPIC_NAME string = ingestTopic.name
