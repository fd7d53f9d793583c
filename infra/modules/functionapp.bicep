// Flex Consumption plan + the isolated-worker function app. Everything the app touches is reached with the
// user-assigned identity; the identity is also what pulls the deployment package from blob storage.

param name string
param planName string
param location string
param tags { *: string }

@description('azd finds the app to deploy to by this tag value (the service name in azure.yaml).')
param serviceName string

param identityId string

@description('Blob endpoint of the account holding the deployment package container (ends with a slash).')
param deploymentBlobEndpoint string
param deploymentContainerName string

@secure()
@description('Application settings. Secure so the values (which include the Application Insights connection string) are not echoed in deployment history; they hold no keys.')
param appSettings { *: string }

param maximumInstanceCount int
param instanceMemoryMB int

@description('Subnet delegated to Microsoft.App/environments for outbound VNet integration; empty for none.')
param subnetId string

@description('Origins whose browser pages may call the dashboard API (platform CORS); empty for none.')
param dashboardAllowedOrigins string[]

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    virtualNetworkSubnetId: empty(subnetId) ? null : subnetId
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      cors: {
        allowedOrigins: dashboardAllowedOrigins
        supportCredentials: false
      }
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${deploymentBlobEndpoint}${deploymentContainerName}'
          // The package is fetched with the app's identity, so the account can keep shared keys disabled.
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  // Flex Consumption rejects the classic worker/extension/package settings (FUNCTIONS_WORKER_RUNTIME,
  // WEBSITE_RUN_FROM_PACKAGE, ...): runtime and package come from functionAppConfig above.
  resource settings 'config' = {
    name: 'appsettings'
    properties: appSettings
  }

  // azd and the CLI deploy with Entra tokens; basic (user/password) publishing credentials are never needed.
  resource scmCredentials 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }

  resource ftpCredentials 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
