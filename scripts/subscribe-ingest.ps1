# Windows twin of subscribe-ingest.sh; see that file for why each step is there.
$ErrorActionPreference = 'Stop'

foreach ($name in 'AZURE_RESOURCE_GROUP', 'AZURE_FUNCTION_APP_NAME', 'INGEST_SYSTEM_TOPIC_NAME') {
    if (-not (Get-Item "env:$name" -ErrorAction SilentlyContinue)) { throw "set $name (main.bicep output)" }
}

if (-not (Get-Command az -ErrorAction SilentlyContinue)) {
    throw "The Azure CLI (az) is not installed; this hook needs it. Install it (https://aka.ms/installazurecli), run 'az login', then 'azd deploy' again."
}
az account show --output none 2>$null
if ($LASTEXITCODE -ne 0) {
    throw "The Azure CLI is not signed in. Run 'az login' (same tenant and subscription as azd), then 'azd deploy' again."
}

$attempt = 0
while (-not (az functionapp keys list -g $env:AZURE_RESOURCE_GROUP -n $env:AZURE_FUNCTION_APP_NAME `
            --query 'systemKeys.blobs_extension' -o tsv 2>$null)) {
    $attempt++
    if ($attempt -gt 30) { throw 'blobs_extension key did not appear within 5 minutes; is IngestArticle deployed and the app running?' }
    Start-Sleep -Seconds 10
}

az deployment group create `
    --resource-group $env:AZURE_RESOURCE_GROUP `
    --name ingest-subscription `
    --template-file (Join-Path $PSScriptRoot '../infra/eventgrid-subscription.bicep') `
    --parameters functionAppName=$env:AZURE_FUNCTION_APP_NAME systemTopicName=$env:INGEST_SYSTEM_TOPIC_NAME `
    --output none
if ($LASTEXITCODE -ne 0) { throw 'az deployment group create failed' }

Write-Host "Event Grid subscription 'ingest-article' delivers BlobCreated events for the articles container to IngestArticle."
