// The dashboard's figures from the pipeline's own metrics, plus its health, in one Azure Monitor workbook: what went in,
// what came out, what is stuck, and what the services said.

param location string
param tags { *: string }
param applicationInsightsId string
param workspaceId string

var appQueries = [
  {
    title: 'Articles per hour: enriched, recorded, quarantined, retracted'
    query: 'customMetrics | where name in ("pipeline.articles.enriched", "pipeline.articles.recorded", "pipeline.articles.quarantined", "pipeline.articles.retracted") | summarize articles = sum(valueSum) by name, bin(timestamp, 1h) | render timechart'
  }
  {
    title: 'Quarantined by reason'
    query: 'customMetrics | where name == "pipeline.articles.quarantined" | summarize articles = sum(valueSum) by reason = tostring(customDimensions["reason"]) | order by articles desc'
  }
  {
    title: 'Queue depths, poison queues included'
    query: 'customMetrics | where name == "pipeline.queue.depth" | summarize depth = max(value) by queue = tostring(customDimensions["queue"]), bin(timestamp, 5m) | render timechart'
  }
  {
    title: 'Upload to summary: mean and worst seconds per hour'
    query: 'customMetrics | where name == "pipeline.article.latency" | summarize mean = sum(valueSum) / sum(valueCount), worst = max(valueMax) by bin(timestamp, 1h) | render timechart'
  }
  {
    title: 'Azure AI Language: calls, retries, 429s, billed text records'
    query: 'customMetrics | where name in ("pipeline.analyzer.requests", "pipeline.analyzer.retries", "pipeline.analyzer.throttles", "pipeline.analyzer.text_records") | summarize total = sum(valueSum) by name, bin(timestamp, 5m) | render timechart'
  }
  {
    title: 'Function invocations and failures per hour'
    query: 'requests | summarize invocations = count(), failures = countif(success == false) by operation_Name, bin(timestamp, 1h) | order by timestamp desc'
  }
]

var workspaceQueries = [
  {
    title: 'Event Grid: delivered, failed, dead-lettered, dropped'
    query: 'AzureMetrics | where ResourceProvider == "MICROSOFT.EVENTGRID" and MetricName in ("DeliverySuccessCount", "DeliveryAttemptFailCount", "DeadLetteredCount", "DroppedEventCount") | summarize events = sum(Total) by MetricName, bin(TimeGenerated, 1h) | render timechart'
  }
]

var content = {
  version: 'Notebook/1.0'
  items: concat(
    [
      {
        type: 1
        content: {
          json: '## Pipeline\nThe summary dashboard\'s figures from the pipeline\'s metrics, and its health. Alerts: Azure Monitor → Alerts.'
        }
      }
    ],
    map(appQueries, q => {
      type: 3
      content: {
        version: 'KqlItem/1.0'
        title: q.title
        query: q.query
        size: 0
        timeContext: {
          durationMs: 86400000
        }
        queryType: 0
        resourceType: 'microsoft.insights/components'
      }
    }),
    map(workspaceQueries, q => {
      type: 3
      content: {
        version: 'KqlItem/1.0'
        title: q.title
        query: q.query
        size: 0
        timeContext: {
          durationMs: 86400000
        }
        queryType: 0
        resourceType: 'microsoft.operationalinsights/workspaces'
        crossComponentResources: [
          workspaceId
        ]
      }
    })
  )
  fallbackResourceIds: [
    applicationInsightsId
  ]
}

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  // A workbook's name must be a GUID; this one is stable per resource group, so redeploying updates it in place.
  name: guid(resourceGroup().id, 'pipeline-workbook')
  location: location
  tags: tags
  kind: 'shared'
  properties: {
    displayName: 'Pipeline'
    category: 'workbook'
    sourceId: applicationInsightsId
    serializedData: string(content)
  }
}
