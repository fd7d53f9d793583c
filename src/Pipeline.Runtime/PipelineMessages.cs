using System.Text.Json;
using Azure;
using Microsoft.Extensions.Logging;

namespace Pipeline.Runtime;

/// <summary>
/// The WebJobs blob trigger's message, which the local scanner's announcements share:
/// <c>{"Type":"BlobTrigger","ContainerName":..,"BlobName":..,"ETag":..}</c>. Only blobs of <c>articles</c> are articles.
/// </summary>
public sealed record BlobTriggerMessage(string ContainerName, string BlobName, ETag ETag);

/// <summary>
/// Reads the bodies of the pipeline's queue messages (after Base64) or says why one is not a message of its queue, so
/// the handlers that reject a message and the operator tools that report it later give the same reason.
/// </summary>
public static class PipelineMessages
{
    /// <summary>An enriched article inline or a claim-check reference, of the current schemaVersion, naming its article.</summary>
    public static bool TryReadEnriched(BinaryData body, out EnrichedArticle? article, out EnrichedArticleReference? reference, out string reason)
    {
        (article, reference, reason) = (null, null, "");
        try
        {
            (article, reference) = EnrichedArticleMessage.Decode(body);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            reason = $"not an enriched article: {e.Message}";
            return false;
        }
        if (string.IsNullOrEmpty(article?.ArticleId ?? reference?.ArticleId))
        {
            reason = "not an enriched article: it names no articleId";
            return false;
        }
        return true;
    }

    /// <summary>
    /// A blob version in the form its response headers give it, quoted. List Blobs gives the same ETag bare, and a
    /// blob-trigger message carries whichever form its writer read, so versions are compared only in this form.
    /// </summary>
    public static ETag HeaderETag(ETag etag)
    {
        string value = etag.ToString();
        return value.StartsWith('"') ? etag : new ETag($"\"{value}\"");
    }

    /// <summary>A blob-trigger message of an article blob, its ETag in <see cref="HeaderETag"/> form.</summary>
    public static bool TryReadBlobTrigger(BinaryData body, out BlobTriggerMessage? message, out string reason)
    {
        (message, reason) = (null, "");
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object ||
                !root.TryGetProperty("ContainerName", out var container) || container.ValueKind != JsonValueKind.String ||
                !root.TryGetProperty("BlobName", out var name) || name.ValueKind != JsonValueKind.String || name.GetString()!.Length == 0 ||
                !root.TryGetProperty("ETag", out var etag) || etag.ValueKind != JsonValueKind.String)
            {
                reason = "not a blob-trigger message: it needs ContainerName, BlobName and ETag as strings";
                return false;
            }
            if (container.GetString() != PipelineNames.ArticlesContainer)
            {
                reason = $"not a blob-trigger message of the pipeline: it names container '{container.GetString()}', not '{PipelineNames.ArticlesContainer}'";
                return false;
            }
            message = new BlobTriggerMessage(PipelineNames.ArticlesContainer, name.GetString()!, HeaderETag(new ETag(etag.GetString()!)));
            return true;
        }
        catch (JsonException e)
        {
            reason = $"not a blob-trigger message: not JSON ({e.Message})";
            return false;
        }
    }

    /// <summary>
    /// Moves a message its handler cannot read to the poison queue at once (retrying could not change its body) and logs
    /// why with both message ids, so an operator can find the poison message the log line speaks of.
    /// </summary>
    public static async Task RejectAsync(PipelineStorage storage, string queue, string poisonQueue, string? messageId, BinaryData body, string reason, ILogger logger, CancellationToken cancellationToken)
    {
        var sent = await storage.Queue(poisonQueue).SendMessageAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
        PipelineTelemetry.MessagesRejected.Add(1);
        logger.MessageRejected(messageId ?? "(no id)", queue, reason, sent.Value.MessageId, poisonQueue);
    }
}
