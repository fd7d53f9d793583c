using Azure.Storage.Queues.Models;
using Pipeline.Runtime;
using Pipeline.Summary;

namespace Pipeline.Operations;

/// <summary>
/// One message of a poison queue as the inspector, the replayer and the scanner see it: what it names (an article id, or
/// the blob a trigger gave up on) and its decoded body, or why the pipeline cannot read it.
/// </summary>
/// <param name="PopReceipt">Set when received (needed to delete or release it); null when peeked.</param>
/// <param name="Body">The body after Base64; null when it is not Base64.</param>
/// <param name="Unreplayable">Why the pipeline cannot read it; null when it can.</param>
public sealed record PoisonMessage(string Queue, string MessageId, string? PopReceipt, BinaryData RawBody, BinaryData? Body, string? ArticleId, BlobTriggerMessage? Blob, string? Unreplayable)
{
    /// <summary>What an upload is followed by: the blob name of a failed trigger, the article id of an enriched article or a deletion.</summary>
    public string? Key => Blob?.BlobName ?? ArticleId;

    /// <summary>
    /// Reads a body as the service stores it. The pipeline and the queue triggers write Base64; a message put on without it
    /// is moved to poison by the trigger as it was, so here it is reported, never thrown.
    /// </summary>
    public static PoisonMessage Read(string queue, string messageId, string? popReceipt, BinaryData rawBody)
    {
        var message = new PoisonMessage(queue, messageId, popReceipt, rawBody, null, null, null, null);
        string text = rawBody.ToString();
        byte[] decoded = new byte[text.Length];
        if (!Convert.TryFromBase64String(text, decoded, out int length))
        {
            // Event Grid's storage-queue destination has written plain JSON (MicrosoftDocs/azure-docs#69702, #102923):
            // such a deletion is still an event the replay can send on, Base64-encoded.
            if (queue == PipelineNames.DeletedPoisonQueue && BlobDeletedEvents.TryRead(rawBody, out var plain, out _))
                return message with { Body = rawBody, ArticleId = ArticleIdentity.ArticleId(plain[0].Container, plain[0].Name) };
            return message with { Unreplayable = "not Base64: the queue triggers read Base64 bodies, so this message was never processed" };
        }
        var body = BinaryData.FromBytes(decoded.AsMemory(0, length));
        message = message with { Body = body };

        if (queue == PipelineNames.EnrichedPoisonQueue)
        {
            return PipelineMessages.TryReadEnriched(body, out var article, out var reference, out string reason)
                ? message with { ArticleId = article?.ArticleId ?? reference!.ArticleId }
                : message with { Unreplayable = reason };
        }
        if (queue == PipelineNames.DeletedPoisonQueue)
        {
            return BlobDeletedEvents.TryRead(body, out var deletions, out string deletedReason)
                ? message with { ArticleId = ArticleIdentity.ArticleId(deletions[0].Container, deletions[0].Name) }
                : message with { Unreplayable = deletedReason };
        }
        return PipelineMessages.TryReadBlobTrigger(body, out var blob, out string blobReason)
            ? message with { Blob = blob }
            : message with { Unreplayable = blobReason };
    }
}

/// <summary>Peeks and receives the poison queues through the undecoded client, so one unreadable message never hides the others.</summary>
public sealed class PoisonQueues(PipelineStorage storage)
{
    public static readonly IReadOnlyList<string> Names = [PipelineNames.EnrichedPoisonQueue, PipelineNames.BlobPoisonQueue, PipelineNames.DeletedPoisonQueue];

    /// <summary>At most 32 visible messages (the service's limit for one peek); empty when the queue does not exist yet.</summary>
    public async Task<IReadOnlyList<PoisonMessage>> PeekAsync(string queue, CancellationToken cancellationToken)
    {
        var client = storage.UndecodedQueue(queue);
        if (!await client.ExistsAsync(cancellationToken).ConfigureAwait(false)) return [];
        PeekedMessage[] peeked = (await client.PeekMessagesAsync(32, cancellationToken).ConfigureAwait(false)).Value;
        return peeked.Select(m => PoisonMessage.Read(queue, m.MessageId, null, m.Body)).ToList();
    }

    public async Task<IReadOnlyList<PoisonMessage>> ReceiveAsync(string queue, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        QueueMessage[] received = (await storage.UndecodedQueue(queue).ReceiveMessagesAsync(32, visibilityTimeout, cancellationToken).ConfigureAwait(false)).Value;
        return received.Select(m => PoisonMessage.Read(queue, m.MessageId, m.PopReceipt, m.Body)).ToList();
    }
}
