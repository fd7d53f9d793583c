using Pipeline.Local.Reliability;
using Pipeline.Testing;
using Xunit.Abstractions;

namespace Pipeline.Contracts.Tests;

/// <summary>
/// A newsroom, a dashboard and a queue consumer written with the official Azure Storage SDKs for JavaScript
/// (js/storage.test.mjs) against `pipeline run` as its own process, the way a user starts it. The newsroom phase runs twice
/// with a restart in between: the plain-text messages of the first round sit in the poison queues when the second host
/// starts, which once stopped its article scanner, and the second round overwrites every article, a revision counted once.
/// Each newsroom round also deletes a story (the second round re-uploads it first), which must leave the summary and
/// answer 410. The consumer phase runs on a host whose summarizer and retraction are switched off, so the messages it
/// reads (enriched articles, and deletion events through the Event Grid SDK) stay on their queues.
/// </summary>
public class StorageSdkContractTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    /// <summary>The <c>test(...)</c> calls of storage.test.mjs in each phase.</summary>
    private const int NewsroomTests = 7;
    private const int ConsumerTests = 2;

    /// <summary>The WebJobs host's own switches for single functions (the Linux spelling of <c>AzureWebJobs.{name}.Disabled</c>).</summary>
    private static readonly string[] ConsumerSwitches = ["AzureWebJobs_SummarizeArticles_Disabled", "AzureWebJobs_RetractArticle_Disabled"];

    [Fact]
    public async Task The_official_JavaScript_storage_clients_upload_put_messages_and_read_the_results_across_a_restart()
    {
        await RunPhaseAsync("newsroom", "first", NewsroomTests);
        await RunPhaseAsync("newsroom", "second", NewsroomTests);
        await RunPhaseAsync("consumer", "first", ConsumerTests, downstream: false);
    }

    private async Task RunPhaseAsync(string phase, string round, int tests, bool downstream = true)
    {
        PipelineHostProcess host;
        // The child copies the environment when it starts; this test class is the only one of its assembly that starts hosts.
        foreach (string name in ConsumerSwitches)
            Environment.SetEnvironmentVariable(name, downstream ? null : "true");
        try
        {
            host = PipelineHostProcess.Start("run", "--storage", azurite.ConnectionString, "--port", "0");
        }
        finally
        {
            foreach (string name in ConsumerSwitches)
                Environment.SetEnvironmentVariable(name, null);
        }
        using (host)
        {
            await host.WaitForLineAsync("Ctrl+C stops", TimeSpan.FromSeconds(60));
            string api = host.Output.First(line => line.StartsWith("Dashboard on ", StringComparison.Ordinal)).Split("API under ")[1].TrimEnd(')', '.', ' ');
            var environment = new Dictionary<string, string>
            {
                ["PIPELINE_STORAGE"] = azurite.ConnectionString, ["PIPELINE_API"] = api, ["PIPELINE_PHASE"] = phase, ["PIPELINE_ROUND"] = round,
            };
            var result = await NodeSuite.RunAsync("storage.test.mjs", environment, output, TimeSpan.FromMinutes(4));
            await host.InterruptAsync(TimeSpan.FromSeconds(30));

            Assert.True(result.ExitCode == 0, $"node --test storage.test.mjs ({phase}, {round} round) exited {result.ExitCode}");
            Assert.Equal(0, result.Failed);
            Assert.True(result.Passed >= tests, $"{result.Passed} JavaScript tests passed ({phase}, {round} round), expected {tests}");
            Assert.DoesNotContain(host.Output, line => line.Contains("Article scanner paused", StringComparison.Ordinal));
        }
    }
}
