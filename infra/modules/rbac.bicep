// Data-plane roles, each scoped to the one resource it is for. Nothing here is granted at resource-group or
// subscription scope.

param storageAccountName string
param languageAccountName string
param applicationInsightsName string

@description('Resource id of the function app\'s user-assigned identity; known before deployment, so it names the assignments.')
param appIdentityId string

@description('Principal (object) id of that identity; only known once it exists.')
param appPrincipalId string

@description('Queue the storage system topic delivers BlobDeleted events to.')
param deletedQueueName string

@description('Container the storage system topic dead-letters undeliverable events to.')
param deadLetterContainerName string

@description('Resource id of that system topic; known before deployment, so it names the assignment.')
param topicId string

@description('Principal id of the system topic\'s system-assigned identity.')
param topicPrincipalId string

@description('Object id of the deploying user or pipeline, for the operator tools. Empty grants nothing.')
param operatorPrincipalId string

@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param operatorPrincipalType string

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

resource deletedQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-01-01' existing = {
  name: '${storageAccountName}/default/${deletedQueueName}'
}

resource deadLetterContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' existing = {
  name: '${storageAccountName}/default/${deadLetterContainerName}'
}

resource language 'Microsoft.CognitiveServices/accounts@2025-06-01' existing = {
  name: languageAccountName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

var hasOperator = !empty(operatorPrincipalId)

// --- Function app identity ---

// Owner rather than Contributor: the Functions host sets blob metadata and manages leases for its own state.
resource appBlobDataOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, appIdentityId, 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b')
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b')
    principalId: appPrincipalId
    // Stating the type skips the Entra lookup that fails while a fresh identity is still replicating.
    principalType: 'ServicePrincipal'
  }
}

resource appQueueDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, appIdentityId, '974c5e8b-45b9-4653-ba55-5f855dd0fb88')
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '974c5e8b-45b9-4653-ba55-5f855dd0fb88')
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appTableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, appIdentityId, '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3')
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3')
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appCognitiveServicesUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(language.id, appIdentityId, 'a97b65f3-24c7-4388-baec-2e87135dc908')
  scope: language
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'a97b65f3-24c7-4388-baec-2e87135dc908')
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Required because the component has local auth disabled: telemetry is accepted only from this role.
resource appMetricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, appIdentityId, '3913510d-42f4-4e42-8a64-420c390055eb')
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '3913510d-42f4-4e42-8a64-420c390055eb')
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// --- Storage system topic identity ---

// Send-only, on the one queue it delivers to: the topic can neither read articles nor touch the other queues.
resource topicQueueSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(deletedQueue.id, topicId, 'c6a89b2d-59bc-44d0-9896-0f6e12d7b80a')
  scope: deletedQueue
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'c6a89b2d-59bc-44d0-9896-0f6e12d7b80a')
    principalId: topicPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Dead-lettering writes blobs; on this one container only, so the topic still cannot read an article.
resource topicDeadLetterWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(deadLetterContainer.id, topicId, 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
  scope: deadLetterContainer
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
    principalId: topicPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// --- Operator (optional) ---
// Contributor, not Owner, on blobs: operators upload and inspect articles but never need to change ACLs or leases.

resource operatorBlobDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (hasOperator) {
  name: guid(storage.id, operatorPrincipalId, 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
  }
}

resource operatorQueueDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (hasOperator) {
  name: guid(storage.id, operatorPrincipalId, '974c5e8b-45b9-4653-ba55-5f855dd0fb88')
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '974c5e8b-45b9-4653-ba55-5f855dd0fb88')
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
  }
}

resource operatorTableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (hasOperator) {
  name: guid(storage.id, operatorPrincipalId, '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3')
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3')
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
  }
}

resource operatorCognitiveServicesUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (hasOperator) {
  name: guid(language.id, operatorPrincipalId, 'a97b65f3-24c7-4388-baec-2e87135dc908')
  scope: language
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'a97b65f3-24c7-4388-baec-2e87135dc908')
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
  }
}
