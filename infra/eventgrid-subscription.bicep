// Stage 2: subscribe IngestArticle (blob trigger with Source = EventGrid) to BlobCreated events of the articles
// container. Run after the code is deployed (the azd postdeploy hook does it, see README.md) because:
//  - the blobs_extension system key is created by the Functions host when it first loads an Event Grid-sourced
//    blob trigger, so it does not exist on a freshly provisioned, empty app;
//  - Event Grid validates a webhook when the subscription is created, and only the running blob extension
//    answers that handshake.
// The key is read here by ARM (listKeys on the host) and goes straight into the subscription's endpoint URL,
// which Event Grid stores write-only; it never appears in a parameter, an output or a script's output.

targetScope = 'resourceGroup'

@description('The function app created by main.bicep (output AZURE_FUNCTION_APP_NAME).')
param functionAppName string

@description('The storage account system topic created by main.bicep (output INGEST_SYSTEM_TOPIC_NAME).')
param systemTopicName string

var names = loadJsonContent('names.json')

resource app 'Microsoft.Web/sites@2024-11-01' existing = {
  name: functionAppName
}

// Microsoft.Web/sites/host has no Bicep type definitions (it is an action target, not a deployable resource), so a
// symbolic `existing` reference would only trade these linter findings for a BCP081 type warning.
#disable-next-line use-resource-symbol-reference use-recognized-resource-type
var blobsExtensionKey = listKeys(resourceId('Microsoft.Web/sites/host', functionAppName, 'default'), '2024-11-01').systemKeys.blobs_extension

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource ingest 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: topic
  name: 'ingest-article'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        // defaultHostName rather than <app>.azurewebsites.net: apps created with unique default hostnames
        // have a different host name.
        endpointUrl: 'https://${app.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${names.functions.ingest}&code=${blobsExtensionKey}'
        // One blob per delivery: a failing article is retried on its own instead of taking a batch with it.
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    // An article whose event is never delivered is never ingested (an Event Grid-sourced blob trigger does not rescan),
    // so an undeliverable event is kept for `pipeline replay --dead-letter`, written with the topic's identity (main.bicep
    // grants it the dead-letter container).
    deadLetterWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: topic.properties.source
          blobContainerName: names.containers.deadLetter
        }
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      // The trailing slash keeps containers that merely start with the same name (articles-archive) out.
      subjectBeginsWith: '/blobServices/default/containers/${names.containers.articles}/'
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}
