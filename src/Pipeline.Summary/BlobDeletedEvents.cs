using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Messaging;
using Azure.Messaging.EventGrid;
using Azure.Messaging.EventGrid.SystemEvents;
using Azure.Storage.Blobs;

namespace Pipeline.Summary;

/// <summary>One deleted blob, as a <c>Microsoft.Storage.BlobDeleted</c> event reports it.</summary>
/// <param name="Container">The blob's container.</param>
/// <param name="Name">The blob's name, decoded from the event's URL.</param>
/// <param name="DeletedAt">The event's time.</param>
public sealed record BlobDeletion(string Container, string Name, DateTimeOffset DeletedAt);

/// <summary>The members of <c>Microsoft.Storage.BlobDeleted</c> data that say which blob went, and how.</summary>
internal sealed record DeletedBlobData(string Api, string BlobType, string Url);

/// <summary>
/// Reads the <c>articles-deleted</c> queue's messages: Event Grid writes one event per message, in the Event Grid schema
/// or, if the subscription asks for it, CloudEvents 1.0. Both are parsed by Azure.Messaging.EventGrid / Azure.Core, and a
/// JSON array of events (what Event Grid posts to webhooks, and what its docs show) is accepted too.
/// </summary>
public static class BlobDeletedEvents
{
    public const string EventType = "Microsoft.Storage.BlobDeleted";

    private const string NotDeleted = "not a BlobDeleted event: ";

    /// <summary>
    /// The message Event Grid writes to <c>articles-deleted</c> when <paramref name="blob"/> is deleted: Event Grid schema,
    /// the storage subject and the <c>DeleteBlob</c> data, serialised by the SDK. The local scanner announces deletions with it.
    /// </summary>
    public static BinaryData Create(Uri blob, string topic)
    {
        var parts = new BlobUriBuilder(blob);
        var deleted = new EventGridEvent(
            subject: $"/blobServices/default/containers/{parts.BlobContainerName}/blobs/{parts.BlobName}",
            eventType: EventType,
            dataVersion: "",
            // The SDK reads system event data but cannot write it: the data is the documented members, serialised here.
            data: BinaryData.FromObjectAsJson(new DeletedBlobData("DeleteBlob", "BlockBlob", blob.AbsoluteUri), SummaryJson.Default.DeletedBlobData))
        {
            Topic = topic,
        };
        // Event Grid stamps every event it delivers with metadataVersion "1", and strict readers (the JavaScript SDK's
        // EventGridDeserializer) refuse an event without it; the .NET SDK leaves it to the service, so it is added here.
        var json = JsonNode.Parse(BinaryData.FromObjectAsJson(deleted).ToMemory().Span)!.AsObject();
        json["metadataVersion"] = "1";
        return BinaryData.FromString(json.ToJsonString());
    }

    /// <summary>The deletions in a message, or false with the reason it is not a BlobDeleted event (it then goes to poison).</summary>
    public static bool TryRead(BinaryData message, out IReadOnlyList<BlobDeletion> deletions, out string reason)
    {
        (deletions, reason) = ([], "");
        try
        {
            var found = new List<BlobDeletion>();
            foreach (var (type, time, data) in Parse(message))
            {
                if (type != EventType)
                {
                    reason = $"{NotDeleted}an event of type {type}.";
                    return false;
                }
                if (data is not StorageBlobDeletedEventData { Url: { Length: > 0 } url })
                {
                    reason = $"{NotDeleted}the event has no blob URL.";
                    return false;
                }
                var blob = new BlobUriBuilder(new Uri(url));
                if (string.IsNullOrEmpty(blob.BlobName))
                {
                    reason = $"{NotDeleted}the event's URL {url} names no blob.";
                    return false;
                }
                found.Add(new BlobDeletion(blob.BlobContainerName, blob.BlobName, time));
            }
            if (found.Count == 0)
            {
                reason = $"{NotDeleted}the message holds no event.";
                return false;
            }
            deletions = found;
            return true;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or FormatException or UriFormatException or InvalidOperationException)
        {
            reason = $"{NotDeleted}not an Event Grid or CloudEvents event ({e.Message})";
            return false;
        }
    }

    private static IEnumerable<(string Type, DateTimeOffset Time, object? Data)> Parse(BinaryData message)
    {
        if (IsCloudEvent(message))
        {
            foreach (var cloudEvent in CloudEvent.ParseMany(message))
                yield return (cloudEvent.Type, cloudEvent.Time ?? throw new FormatException("A CloudEvent without a time."), SystemData(cloudEvent.TryGetSystemEventData, cloudEvent.Type));
        }
        else
        {
            foreach (var gridEvent in EventGridEvent.ParseMany(message))
                yield return (gridEvent.EventType, gridEvent.EventTime, SystemData(gridEvent.TryGetSystemEventData, gridEvent.EventType));
        }
    }

    private delegate bool TryGetData(out object eventData);

    private static object? SystemData(TryGetData tryGet, string type) =>
        type == EventType && tryGet(out object data) ? data : null;

    /// <summary>CloudEvents carry <c>specversion</c>; Event Grid's own schema never does.</summary>
    private static bool IsCloudEvent(BinaryData message)
    {
        using var document = JsonDocument.Parse(message);
        var root = document.RootElement;
        var first = root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0 ? root[0] : root;
        return first.ValueKind == JsonValueKind.Object && first.TryGetProperty("specversion", out _);
    }
}
