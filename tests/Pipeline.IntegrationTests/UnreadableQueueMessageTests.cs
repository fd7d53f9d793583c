using Pipeline.Operations;
using Pipeline.Local.Commands;
using Pipeline.Local.Hosting;
using Pipeline.Testing;

namespace Pipeline.IntegrationTests;

/// <summary>
/// Anyone who may write to a queue the pipeline reads can put anything on it. Each message it cannot read ends in that
/// queue's poison queue with the reason an operator will see, and the articles around it are processed as usual.
/// </summary>
public class UnreadableQueueMessageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    /// <summary>Kind, how it is put on (Base64 as the triggers expect, or as plain text), body, and how the reason starts.</summary>
    public static IEnumerable<(string Kind, bool Base64, string Body, string Reason)> Unreadable(string queue)
    {
        string shape = queue == PipelineNames.EnrichedQueue ? "not an enriched article" : "not a blob-trigger message";
        yield return ("plain", false, $$"""{"kind":"plain","schemaVersion":1,"articleId":"0123456789abcdef0123456789abcdef","ContainerName":"articles","BlobName":"x.txt","ETag":"\"0x1\""}""", "not Base64");
        yield return ("text", true, "kind text: no JSON at all", shape);
        yield return ("shape", true, """{"kind":"shape","hello":"world"}""", shape);
        yield return ("version", true, """{"kind":"version","schemaVersion":2,"articleId":"0123456789abcdef0123456789abcdef"}""", shape);
    }

    [Fact]
    public async Task Every_kind_of_unreadable_message_on_each_queue_ends_in_its_poison_queue_with_its_reason_while_articles_flow()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var before = await pipeline.UploadAsync("unreadable/before.txt", "Ferry returns\n\nThe ferry between Helsinki and Tallinn returned to service on Monday, its operator said.");
        await pipeline.SettleAsync([before]);

        var queues = new Dictionary<string, string> { [PipelineNames.EnrichedQueue] = PipelineNames.EnrichedPoisonQueue, [ArticleScanner.AnnouncementQueue] = PipelineNames.BlobPoisonQueue };
        foreach (string queue in queues.Keys)
        {
            foreach (var (_, base64, body, _) in Unreadable(queue))
            {
                if (base64) await azurite.Storage.Queue(queue).SendMessageAsync(BinaryData.FromString(body));
                else await azurite.Storage.UndecodedQueue(queue).SendMessageAsync(body);
            }
        }
        var after = await pipeline.UploadAsync("unreadable/after.txt", "Tram line opens\n\nA new tram line opened in Bergen on Friday, the city of Norway's west coast said.");

        var settled = await pipeline.SettleAsync([before, after]);
        Assert.All(settled, r => Assert.Equal(ArticleState.Summarised, r.State));
        var poisoned = await Eventually.ReturnsAsync(() => new PipelineInspector(azurite.Storage).PeekPoisonAsync(CancellationToken.None),
            messages => messages.Count == 8, TimeSpan.FromSeconds(60), "eight unreadable messages in the poison queues", messages => $"{messages.Count} messages");
        foreach (var (queue, poisonQueue) in queues)
        {
            foreach (var (kind, _, body, reason) in Unreadable(queue))
            {
                var message = Assert.Single(poisoned, m => m.Queue == poisonQueue && (m.Body ?? m.RawBody).ToString() == body);
                Assert.StartsWith(reason, message.Unreplayable, StringComparison.Ordinal);
            }
        }
        Assert.Equal(2, (await pipeline.SummaryAsync())!.ArticleCount);
        Assert.Equal(0, (await azurite.Storage.Queue(PipelineNames.EnrichedQueue).GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }
}
