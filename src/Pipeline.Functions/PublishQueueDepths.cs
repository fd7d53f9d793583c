using Microsoft.Azure.Functions.Worker;
using Pipeline.Operations;

namespace Pipeline.Functions;

/// <summary>Every five minutes, each queue's depth as a metric: the poison-queue alerts in infra/ watch it.</summary>
public sealed class PublishQueueDepths(PipelineInspector inspector)
{
    [Function(nameof(PublishQueueDepths))]
    public Task Run([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        inspector.PublishQueueDepthsAsync(cancellationToken);
}
