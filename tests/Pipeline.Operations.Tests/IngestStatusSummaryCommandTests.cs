using System.Text.Json;
using Pipeline.Local.Commands;
using Pipeline.Testing;

namespace Pipeline.Operations.Tests;

/// <summary>ingest, status and summary against a running local pipeline, found by --storage or by its --data-dir.</summary>
public class IngestStatusSummaryCommandTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Ingest_waits_for_every_outcome_then_status_and_summary_report_the_same_numbers()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);

        var ingest = await Cli.RunAsync(IngestCommand.Create(), [.. RepositoryFiles.GoodSeedFiles(), RepositoryFiles.BadSeeds, "--wait", "--timeout", "60", "--storage", azurite.ConnectionString]);

        Assert.Equal(2, ingest.ExitCode); // Not everything was summarised: the bad seeds are quarantined.
        Assert.Contains("Uploaded 26 file(s).", ingest.Output);
        Assert.Contains("Processed 26 of 26 file(s)", ingest.Output);
        var lines = ingest.Output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Equal(17, lines.Count(l => l.StartsWith("summarised ", StringComparison.Ordinal)));
        Assert.Contains("quarantined  empty.txt: Empty", lines);
        Assert.Contains("quarantined  unsupported-format.pdf: UnsupportedFormat", lines);
        Assert.Equal(9, lines.Count(l => l.StartsWith("quarantined ", StringComparison.Ordinal)));

        // Found through the data folder's endpoint.json, as an operator would next to `pipeline run`.
        var status = await Cli.RunAsync(StatusCommand.Create(), "--data-dir", azurite.DataDirectory);
        Assert.Equal(0, status.ExitCode);
        Assert.Contains("Articles received:   17", status.Output);
        Assert.Contains("  summarised:        17", status.Output);
        Assert.Contains("  pending a fold:    0", status.Output);
        Assert.Contains("Quarantined:         9", status.Output);
        Assert.Contains("  Empty:             2", status.Output);
        Assert.Contains("  MalformedJson:     2", status.Output);
        Assert.Contains("Poisoned:            0", status.Output);
        Assert.Matches(@"articles-enriched-poison\s+0", status.Output);

        var table = await Cli.RunAsync(SummaryCommand.Create(), "--storage", azurite.ConnectionString);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("Articles in the summary: 17", table.Output);
        Assert.Contains("Top Location", table.Output);
        Assert.Contains("Latest articles", table.Output);

        var json = await Cli.RunAsync(SummaryCommand.Create(), "--json", "--storage", azurite.ConnectionString);
        using var document = JsonDocument.Parse(json.Output);
        Assert.Equal(17, document.RootElement.GetProperty("articleCount").GetInt32());
        var sentiment = document.RootElement.GetProperty("sentiment");
        Assert.Contains($"positive {sentiment.GetProperty("positive").GetInt32()}, neutral {sentiment.GetProperty("neutral").GetInt32()}, " +
                        $"negative {sentiment.GetProperty("negative").GetInt32()}, mixed {sentiment.GetProperty("mixed").GetInt32()}", table.Output);
    }

    [Fact]
    public async Task Commands_fail_with_one_clear_line_when_no_run_is_active_on_the_data_folder()
    {
        string empty = Path.Combine(Path.GetTempPath(), "pipeline-no-run-" + Guid.NewGuid().ToString("N"));

        var status = await Cli.RunAsync(StatusCommand.Create(), "--data-dir", empty);

        Assert.Equal(1, status.ExitCode);
        Assert.Equal("", status.Output);
        Assert.StartsWith($"No 'pipeline run' is active on {empty}", status.Error);
        Assert.Contains("--storage", status.Error);
    }

    [Fact]
    public async Task Replay_needs_exactly_one_of_poison_or_quarantine()
    {
        var neither = await Cli.RunAsync(ReplayCommand.Create(), "--storage", azurite.ConnectionString);
        var both = await Cli.RunAsync(ReplayCommand.Create(), "--poison", "--quarantine", "--storage", azurite.ConnectionString);

        Assert.NotEqual(0, neither.ExitCode);
        Assert.Contains("--poison or --quarantine", neither.Error);
        Assert.NotEqual(0, both.ExitCode);
    }
}

/// <summary>An account no host has touched: the operator commands report nothing instead of failing.</summary>
public class EmptyAccountCommandTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Status_on_an_account_no_host_has_used_reports_zeros()
    {
        await azurite.Storage.Table(PipelineNames.ArticlesTable).DeleteAsync();
        await azurite.Storage.Container(PipelineNames.QuarantineContainer).DeleteIfExistsAsync();
        await foreach (var queue in azurite.Storage.Queues.GetQueuesAsync())
            await azurite.Storage.Queue(queue.Name).DeleteAsync();

        var status = await Cli.RunAsync(StatusCommand.Create(), "--storage", azurite.ConnectionString);

        Assert.Equal("", status.Error);
        Assert.Equal(0, status.ExitCode);
        Assert.Contains("Articles received:   0", status.Output);
        Assert.Contains("Quarantined:         0", status.Output);
        Assert.Contains("Poisoned:            0", status.Output);
    }
}
