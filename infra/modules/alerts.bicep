// What tells an ops team something is wrong before an editor does: one alert per way an article can stop short of the
// summary, each with its threshold and the reason for it in infra/README.md.

param location string
param tags { *: string }

@description('Application Insights component the log alerts query (the app\'s requests and the pipeline\'s metrics).')
param applicationInsightsId string

@description('Storage system topic whose delivery metrics the Event Grid alerts watch.')
param systemTopicId string

@description('Address that receives the alerts. Empty: no action group; the alerts fire in Azure Monitor only.')
param alertEmail string

var notify = !empty(alertEmail)
var actionGroups = notify ? [actionGroup.id] : []

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = if (notify) {
  name: 'ag-pipeline'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'pipeline'
    enabled: true
    emailReceivers: [
      {
        name: 'ops'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

// Log alerts over Application Insights. Each query returns one measure per row; the alert fires when it passes the
// threshold in the window.
var logAlerts = [
  {
    name: 'poison-queue'
    description: 'A message is in a poison queue: an article or a deletion the pipeline gave up on. Read it with `pipeline status`, fix the cause, then `pipeline replay --poison`.'
    severity: 1
    query: 'customMetrics | where name == "pipeline.queue.depth" | extend queue = tostring(customDimensions["queue"]) | where queue endswith "-poison" | summarize depth = max(value) by queue'
    measure: 'depth'
    dimensions: ['queue']
    threshold: 0
    // The depth is published every 5 minutes (PublishQueueDepths), so a 15-minute window always holds a sample.
    frequency: 'PT5M'
    window: 'PT15M'
  }
  {
    name: 'function-failures'
    description: 'More than 5% of function invocations failed over 15 minutes (at least 20 invocations).'
    severity: 2
    query: 'requests | summarize failed = countif(success == false), total = count() | where total >= 20 | extend failureRate = 100.0 * failed / total'
    measure: 'failureRate'
    dimensions: []
    threshold: 5
    frequency: 'PT5M'
    window: 'PT15M'
  }
  {
    name: 'language-throttling'
    description: 'More than 5% of Azure AI Language calls were answered 429 in 15 minutes: the instances adapting above their shares keep meeting the tier\'s rate, or another client uses the resource. Retries absorb it; see infra/README.md, The Language rate.'
    severity: 3
    query: 'customMetrics | where name in ("pipeline.analyzer.throttles", "pipeline.analyzer.requests") | summarize throttles = sumif(valueSum, name == "pipeline.analyzer.throttles"), requests = sumif(valueSum, name == "pipeline.analyzer.requests") | where requests >= 200 | extend throttledPercent = 100.0 * throttles / requests'
    measure: 'throttledPercent'
    dimensions: []
    threshold: 5
    frequency: 'PT5M'
    window: 'PT15M'
  }
]

resource logAlert 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [
  for alert in logAlerts: {
    name: 'alert-${alert.name}'
    location: location
    tags: tags
    kind: 'LogAlert'
    properties: {
      displayName: 'Pipeline: ${alert.name}'
      description: alert.description
      severity: alert.severity
      enabled: true
      scopes: [
        applicationInsightsId
      ]
      evaluationFrequency: alert.frequency
      windowSize: alert.window
      criteria: {
        allOf: [
          {
            query: alert.query
            timeAggregation: 'Maximum'
            metricMeasureColumn: alert.measure
            dimensions: [
              for dimension in alert.dimensions: {
                name: dimension
                operator: 'Include'
                values: [
                  '*'
                ]
              }
            ]
            operator: 'GreaterThan'
            threshold: alert.threshold
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      autoMitigate: true
      actions: {
        actionGroups: actionGroups
      }
    }
  }
]

// Event Grid's own metrics: an event it could not deliver is an article never ingested or a deletion never applied.
var topicAlerts = [
  {
    name: 'eventgrid-dead-lettered'
    description: 'Event Grid dead-lettered an event (30 attempts, 24 hours, or an error it does not retry). Run `pipeline replay --dead-letter` once the cause is fixed.'
    metric: 'DeadLetteredCount'
    severity: 1
  }
  {
    name: 'eventgrid-dropped'
    description: 'Event Grid dropped an event: it could not even be dead-lettered. That article or deletion is lost to the pipeline; check the topic\'s DeliveryFailures log.'
    metric: 'DroppedEventCount'
    severity: 0
  }
]

resource topicAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = [
  for alert in topicAlerts: {
    name: 'alert-${alert.name}'
    location: 'global'
    tags: tags
    properties: {
      description: alert.description
      severity: alert.severity
      enabled: true
      scopes: [
        systemTopicId
      ]
      evaluationFrequency: 'PT5M'
      windowSize: 'PT15M'
      criteria: {
        'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
        allOf: [
          {
            criterionType: 'StaticThresholdCriterion'
            name: alert.metric
            metricNamespace: 'Microsoft.EventGrid/systemTopics'
            metricName: alert.metric
            operator: 'GreaterThan'
            threshold: 0
            timeAggregation: 'Total'
          }
        ]
      }
      autoMitigate: true
      actions: [
        for group in actionGroups: {
          actionGroupId: group
        }
      ]
    }
  }
]
