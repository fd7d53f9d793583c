using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Azure.WebJobs.Host;
using Pipeline.Local.Hosting;
using Pipeline.Testing;

namespace Pipeline.Local.Tests;

/// <summary>The local trigger engine runs with the Functions app's host.json queue settings; the one difference is named.</summary>
public class HostJsonTests
{
    [Fact]
    public void The_local_queue_trigger_takes_every_queue_setting_from_host_json_but_the_idle_polling_interval()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Root, "host.json")));
        var expected = hostJson.RootElement.GetProperty("extensions").GetProperty("queues");
        var queues = new QueuesOptions();

        LocalHost.ApplyHostJson(queues);

        Assert.Equal(expected.GetProperty("batchSize").GetInt32(), queues.BatchSize);
        Assert.Equal(expected.GetProperty("newBatchThreshold").GetInt32(), queues.NewBatchThreshold);
        Assert.Equal(expected.GetProperty("maxDequeueCount").GetInt32(), queues.MaxDequeueCount);
        Assert.Equal(TimeSpan.Parse(expected.GetProperty("visibilityTimeout").GetString()!, System.Globalization.CultureInfo.InvariantCulture), queues.VisibilityTimeout);
        Assert.Equal(Enum.Parse<QueueMessageEncoding>(expected.GetProperty("messageEncoding").GetString()!, ignoreCase: true), queues.MessageEncoding);
        Assert.Equal(["batchSize", "maxDequeueCount", "maxPollingInterval", "messageEncoding", "newBatchThreshold", "visibilityTimeout"],
            expected.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        Assert.Equal(TimeSpan.FromMilliseconds(250), queues.MaxPollingInterval);
        Assert.NotEqual(TimeSpan.Parse(expected.GetProperty("maxPollingInterval").GetString()!, System.Globalization.CultureInfo.InvariantCulture), queues.MaxPollingInterval);
    }
}
