// Azure AI Language (kind TextAnalytics). Keys are disabled: the function app calls it with its managed identity,
// which needs the custom subdomain (Entra tokens are not accepted on the shared regional endpoint).

param name string
param location string
param tags { *: string }

@allowed([
  'F0'
  'S'
])
param skuName string

param publicNetworkAccess bool

resource account 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'TextAnalytics'
  sku: {
    name: skuName
  }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: publicNetworkAccess ? 'Enabled' : 'Disabled'
    networkAcls: {
      defaultAction: publicNetworkAccess ? 'Allow' : 'Deny'
    }
  }
}

output name string = account.name
output id string = account.id
output endpoint string = account.properties.endpoint
