#!/bin/sh
# Stage 2 of the deployment: subscribe IngestArticle's blob-extension webhook to BlobCreated events of the
# articles container (infra/eventgrid-subscription.bicep). azd runs this as the postdeploy hook with main.bicep's
# outputs in the environment; run it by hand after a manual deploy with the same three variables set.
# Needs the Azure CLI signed in (az login) to the same subscription.
set -eu

: "${AZURE_RESOURCE_GROUP:?set AZURE_RESOURCE_GROUP (main.bicep output)}"
: "${AZURE_FUNCTION_APP_NAME:?set AZURE_FUNCTION_APP_NAME (main.bicep output)}"
: "${INGEST_SYSTEM_TOPIC_NAME:?set INGEST_SYSTEM_TOPIC_NAME (main.bicep output)}"

here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)

# Fail in seconds with the fix, rather than after the five-minute wait for a key that az could never have read.
if ! command -v az >/dev/null 2>&1; then
  echo "The Azure CLI (az) is not installed; this hook needs it. Install it (https://aka.ms/installazurecli), run 'az login', then 'azd deploy' again." >&2
  exit 1
fi
if ! az account show --output none >/dev/null 2>&1; then
  echo "The Azure CLI is not signed in. Run 'az login' (same tenant and subscription as azd), then 'azd deploy' again." >&2
  exit 1
fi

# The host writes the blobs_extension system key when it first loads the Event Grid-sourced blob trigger, which
# happens some seconds after a deploy. Wait for it (only its presence is checked; the value is never printed),
# otherwise the subscription would be created with an empty code and fail Event Grid's webhook validation.
attempt=0
until [ -n "$(az functionapp keys list -g "$AZURE_RESOURCE_GROUP" -n "$AZURE_FUNCTION_APP_NAME" \
          --query 'systemKeys.blobs_extension' -o tsv 2>/dev/null)" ]; do
  attempt=$((attempt + 1))
  if [ "$attempt" -gt 30 ]; then
    echo "blobs_extension key did not appear within 5 minutes; is IngestArticle deployed and the app running?" >&2
    exit 1
  fi
  sleep 10
done

az deployment group create \
  --resource-group "$AZURE_RESOURCE_GROUP" \
  --name ingest-subscription \
  --template-file "$here/../infra/eventgrid-subscription.bicep" \
  --parameters functionAppName="$AZURE_FUNCTION_APP_NAME" systemTopicName="$INGEST_SYSTEM_TOPIC_NAME" \
  --output none

echo "Event Grid subscription 'ingest-article' delivers BlobCreated events for the articles container to IngestArticle."
