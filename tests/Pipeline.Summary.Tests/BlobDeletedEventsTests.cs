using System.Text.Json.Nodes;

namespace Pipeline.Summary.Tests;

/// <summary>The deleted-blob messages as Azure writes them (the docs' published samples) and as the local scanner writes them.</summary>
public class BlobDeletedEventsTests
{
    private static readonly DateTimeOffset SampleTime = DateTimeOffset.Parse("2017-11-07T20:09:22.5674003Z", System.Globalization.CultureInfo.InvariantCulture);

    private static string Sample(string schema) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", $"blob-deleted.{schema}.json"));

    /// <summary>A storage-queue delivery carries one event, not the array the docs show.</summary>
    private static JsonNode SingleEvent(string schema) => JsonNode.Parse(Sample(schema))!.AsArray()[0]!.DeepClone();

    [Theory]
    [InlineData("eventgrid")]
    [InlineData("cloudevents")]
    public void The_published_sample_reads_as_one_deletion_with_its_container_name_and_time(string schema)
    {
        Assert.True(BlobDeletedEvents.TryRead(BinaryData.FromString(Sample(schema)), out var deletions, out string reason), reason);

        Assert.Equal([new BlobDeletion("testcontainer", "file-to-delete.txt", SampleTime)], deletions);
    }

    [Theory]
    [InlineData("eventgrid")]
    [InlineData("cloudevents")]
    public void One_event_per_message_as_the_queue_destination_delivers_reads_the_same(string schema)
    {
        Assert.True(BlobDeletedEvents.TryRead(BinaryData.FromString(SingleEvent(schema).ToJsonString()), out var deletions, out string reason), reason);

        Assert.Equal("file-to-delete.txt", Assert.Single(deletions).Name);
    }

    [Theory]
    [InlineData("eventgrid", "eventType")]
    [InlineData("cloudevents", "type")]
    public void Another_event_type_is_refused_with_its_type(string schema, string typeProperty)
    {
        var created = SingleEvent(schema);
        created[typeProperty] = "Microsoft.Storage.BlobCreated";

        Assert.False(BlobDeletedEvents.TryRead(BinaryData.FromString(created.ToJsonString()), out var deletions, out string reason));

        Assert.Empty(deletions);
        Assert.Contains("Microsoft.Storage.BlobCreated", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blob_name_with_folders_spaces_and_non_ascii_characters_is_decoded_from_the_url()
    {
        var deleted = SingleEvent("eventgrid");
        deleted["data"]!["url"] = "https://my-storage-account.blob.core.windows.net/articles/drafts/caf%C3%A9%20story%20%231.txt";

        Assert.True(BlobDeletedEvents.TryRead(BinaryData.FromString(deleted.ToJsonString()), out var deletions, out string reason), reason);

        Assert.Equal(("articles", "drafts/café story #1.txt"), (deletions[0].Container, deletions[0].Name));
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"schemaVersion\":1,\"articleId\":\"x\"}")]
    [InlineData("[]")]
    [InlineData("{\"id\":\"1\",\"subject\":\"s\",\"eventType\":\"Microsoft.Storage.BlobDeleted\",\"eventTime\":\"2024-01-01T00:00:00Z\",\"dataVersion\":\"\",\"data\":{\"api\":\"DeleteBlob\"}}")]
    public void A_message_that_is_not_a_blob_deleted_event_is_refused_with_a_reason(string body)
    {
        Assert.False(BlobDeletedEvents.TryRead(BinaryData.FromString(body), out var deletions, out string reason));

        Assert.Empty(deletions);
        Assert.StartsWith("not a BlobDeleted event: ", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_scanners_announcement_is_an_event_grid_event_the_reader_and_the_published_shape_agree_on()
    {
        var blob = new Uri("http://127.0.0.1:10000/devstoreaccount1/articles/drafts/to-be-spiked.txt");
        var before = DateTimeOffset.UtcNow;

        var message = BlobDeletedEvents.Create(blob, "pipeline-local/devstoreaccount1");

        Assert.True(BlobDeletedEvents.TryRead(message, out var deletions, out string reason), reason);
        var deletion = Assert.Single(deletions);
        Assert.Equal(("articles", "drafts/to-be-spiked.txt"), (deletion.Container, deletion.Name));
        Assert.InRange(deletion.DeletedAt, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        // The published sample's members, metadataVersion included, so anything that reads Azure's messages reads these.
        var published = SingleEvent("eventgrid").AsObject().Select(p => p.Key).Order(StringComparer.Ordinal);
        var written = JsonNode.Parse(message.ToString())!.AsObject();
        Assert.Equal(published, written.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("/blobServices/default/containers/articles/blobs/drafts/to-be-spiked.txt", (string)written["subject"]!);
        Assert.Equal("1", (string)written["metadataVersion"]!);
    }
}
