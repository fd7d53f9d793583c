// The pipeline's one storage account: article data, the Functions host's own state (AzureWebJobsStorage) and the
// Flex Consumption deployment package all live here, reached only with Entra ID tokens.

param name string
param location string
param tags { *: string }

@description('Blob containers the app reads and writes, plus the deployment package container.')
param containerNames string[]
param queueNames string[]
param tableNames string[]

@description('With private networking the account is reachable only through its private endpoints.')
param publicNetworkAccess bool

resource account 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    // Keys would bypass RBAC and audit: every client (host, app, operator tools) signs in with Entra ID.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: publicNetworkAccess ? 'Enabled' : 'Disabled'
    networkAcls: {
      defaultAction: publicNetworkAccess ? 'Allow' : 'Deny'
      // Event Grid reads blob events from the service itself, not over the network. AzureServices lets trusted
      // services in when public access is off: Event Grid delivering deletions to a queue with its topic's
      // identity, diagnostics, backup.
      bypass: 'AzureServices'
    }
  }

  resource blobService 'blobServices' = {
    name: 'default'
    properties: {
      // Articles are the pipeline's input of record: a short undo window for accidental deletes costs little.
      deleteRetentionPolicy: {
        enabled: true
        days: 7
      }
      containerDeleteRetentionPolicy: {
        enabled: true
        days: 7
      }
    }

    resource containers 'containers' = [
      for containerName in containerNames: {
        name: containerName
        properties: {
          publicAccess: 'None'
        }
      }
    ]
  }

  resource queueService 'queueServices' = {
    name: 'default'

    // Declared up front (the host would create them lazily) so RBAC, monitoring and the operator tools can rely
    // on them existing from the first deployment, including the poison queues.
    resource queues 'queues' = [
      for queueName in queueNames: {
        name: queueName
      }
    ]
  }

  resource tableService 'tableServices' = {
    name: 'default'

    resource tables 'tables' = [
      for tableName in tableNames: {
        name: tableName
      }
    ]
  }
}

output name string = account.name
output id string = account.id
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output tableEndpoint string = account.properties.primaryEndpoints.table
