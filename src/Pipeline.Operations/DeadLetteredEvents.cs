using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Messaging;
using Azure.Messaging.EventGrid;
using Azure.Messaging.EventGrid.SystemEvents;
using Azure.Storage.Blobs;
using Pipeline.Runtime;

namespace Pipeline.Operations;

/// <summary>
/// One event Event Grid gave up on, read from its dead-letter blob: the blob it is about and, for a deletion, the event
/// again as Event Grid would have delivered it.
/// </summary>
/// <param name="Id">The event's id; a replayed article blob carries it as its replay marker.</param>
/// <param name="Reason">Event Grid's <c>deadLetterReason</c>, as an operator reads it.</param>
/// <param name="Created">For BlobCreated: the version (ETag) that was never delivered.</param>
/// <param name="Deleted">For BlobDeleted: the event without the dead-letter properties.</param>
/// <param name="Unreplayable">Why the pipeline cannot replay it; null when it can.</param>
public sealed record DeadLetteredEvent(string Id, string? Reason, string? Container, string? BlobName, ETag? Created, BinaryData? Deleted, string? Unreplayable);

/// <summary>
/// Reads the blobs Event Grid writes to the dead-letter container: a JSON array of events, each the event as it was
/// published plus <c>deadLetterReason</c>, <c>deliveryAttempts</c>, <c>lastDeliveryOutcome</c> and the like, in the
/// Event Grid schema (camelCase) or CloudEvents (lowercase), the shapes the Event Grid docs publish.
/// </summary>
public static class DeadLetteredEvents
{
    /// <summary>The properties Event Grid adds when it dead-letters, in both schemas' spellings.</summary>
    private static readonly string[] DeadLetterProperties =
        ["deadLetterReason", "deliveryAttempts", "lastDeliveryOutcome", "lastHttpStatusCode", "publishTime", "lastDeliveryAttemptTime"];

    public static async Task<IReadOnlyList<DeadLetteredEvent>> ReadAsync(Stream content, CancellationToken cancellationToken)
    {
        JsonNode? root;
        try
        {
            root = await JsonNode.ParseAsync(content, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return [new DeadLetteredEvent("", null, null, null, null, null, $"not JSON: {e.Message}")];
        }
        IEnumerable<JsonNode?> events = root is JsonArray array ? array : [root];
        return events.Select(Read).ToList();
    }

    private static DeadLetteredEvent Read(JsonNode? node)
    {
        if (node is not JsonObject deadLettered)
            return new DeadLetteredEvent("", null, null, null, null, null, "not an event object");
        var published = (JsonObject)deadLettered.DeepClone();
        string? reason = null;
        foreach (var property in published.Where(p => DeadLetterProperties.Contains(p.Key, StringComparer.OrdinalIgnoreCase)).ToList())
        {
            if (property.Key.Equals("deadLetterReason", StringComparison.OrdinalIgnoreCase))
                reason = property.Value?.ToString();
            published.Remove(property.Key);
        }
        string id = published["id"]?.ToString() ?? "";
        var unreplayable = new DeadLetteredEvent(id, reason, null, null, null, null, null);
        var json = BinaryData.FromString(published.ToJsonString());
        try
        {
            var (type, data) = published.ContainsKey("specversion") ? CloudEventData(json) : GridEventData(json);
            switch (data)
            {
                case StorageBlobCreatedEventData { Url: { Length: > 0 } url, ETag: { Length: > 0 } etag }:
                    var created = new BlobUriBuilder(new Uri(url));
                    // Event Grid reports the ETag bare; storage answers it quoted.
                    return unreplayable with { Container = created.BlobContainerName, BlobName = created.BlobName, Created = PipelineMessages.HeaderETag(new ETag(etag)) };
                case StorageBlobDeletedEventData { Url: { Length: > 0 } url }:
                    var deleted = new BlobUriBuilder(new Uri(url));
                    return unreplayable with { Container = deleted.BlobContainerName, BlobName = deleted.BlobName, Deleted = json };
                default:
                    return unreplayable with { Unreplayable = $"a {type} event, not an article blob's creation or deletion" };
            }
        }
        catch (Exception e) when (e is JsonException or ArgumentException or FormatException or UriFormatException or InvalidOperationException)
        {
            return unreplayable with { Unreplayable = $"not an Event Grid or CloudEvents event ({e.Message})" };
        }
    }

    private static (string Type, object? Data) GridEventData(BinaryData json)
    {
        var gridEvent = EventGridEvent.Parse(json);
        return (gridEvent.EventType, gridEvent.TryGetSystemEventData(out object data) ? data : null);
    }

    private static (string Type, object? Data) CloudEventData(BinaryData json)
    {
        var cloudEvent = CloudEvent.Parse(json) ?? throw new FormatException("an empty CloudEvent");
        return (cloudEvent.Type, cloudEvent.TryGetSystemEventData(out object data) ? data : null);
    }
}
