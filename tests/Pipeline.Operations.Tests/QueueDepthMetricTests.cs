using System.Diagnostics.Metrics;
using Pipeline.Runtime;
using Pipeline.Testing;

namespace Pipeline.Operations.Tests;

/// <summary>The pipeline.queue.depth gauge the poison-queue alerts watch (infra/README.md): one measurement per queue, tagged.</summary>
public class QueueDepthMetricTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Every_queue_depth_is_recorded_with_its_queue_name()
    {
        await azurite.Storage.Queue(PipelineNames.EnrichedPoisonQueue).SendMessageAsync("one");
        await azurite.Storage.Queue(PipelineNames.EnrichedPoisonQueue).SendMessageAsync("two");
        await azurite.Storage.Queue(PipelineNames.DeletedQueue).SendMessageAsync("three");

        var recorded = new Dictionary<string, long>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == PipelineTelemetry.Name && instrument.Name == "pipeline.queue.depth") l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            lock (recorded) recorded[(string)tags.ToArray().Single(t => t.Key == "queue").Value!] = value;
        });
        listener.Start();

        await new PipelineInspector(azurite.Storage).PublishQueueDepthsAsync(CancellationToken.None);

        Assert.Equal(new Dictionary<string, long>
        {
            [PipelineNames.EnrichedQueue] = 0,
            [PipelineNames.EnrichedPoisonQueue] = 2,
            [PipelineNames.BlobPoisonQueue] = 0,
            [PipelineNames.DeletedQueue] = 1,
            [PipelineNames.DeletedPoisonQueue] = 0,
        }, recorded);
    }
}
