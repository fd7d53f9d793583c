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
    public async Task Replay_needs_exactly_one_kind_of_item()
    {
        var neither = await Cli.RunAsync(ReplayCommand.Create(), "--storage", azurite.ConnectionString);
        var both = await Cli.RunAsync(ReplayCommand.Create(), "--poison", "--quarantine", "--storage", azurite.ConnectionString);
        var poisonAndDeadLetter = await Cli.RunAsync(ReplayCommand.Create(), "--poison", "--dead-letter", "--storage", azurite.ConnectionString);
        var reason = await Cli.RunAsync(ReplayCommand.Create(), "--dead-letter", "--reason", "TooLarge", "--storage", azurite.ConnectionString);

        foreach (var wrong in new[] { neither, both, poisonAndDeadLetter })
        {
            Assert.Equal(1, wrong.ExitCode);
            Assert.Contains("Say what to replay: --poison, --quarantine or --dead-letter (one of them).", wrong.Error);
        }
        Assert.Equal(1, reason.ExitCode);
        Assert.Contains("--reason applies to --quarantine only.", reason.Error);
    }
}

/// <summary>--storage-account: the deployed account by name, with Entra ID (it takes no keys). Nothing here leaves the machine.</summary>
public class StorageAccountOptionTests
{
    [Fact]
    public void A_deployed_account_is_reached_at_its_public_endpoints_with_a_token_credential()
    {
        var storage = OperatorCommand.AzureAccount("stnewsroom01");

        Assert.Equal("https://stnewsroom01.blob.core.windows.net/", storage.Blobs.Uri.AbsoluteUri);
        Assert.Equal("https://stnewsroom01.queue.core.windows.net/", storage.Queues.Uri.AbsoluteUri);
        Assert.Equal("https://stnewsroom01.table.core.windows.net/", storage.Tables.Uri.AbsoluteUri);
        // A client built from a token credential holds no account key to sign with.
        Assert.False(storage.Blobs.CanGenerateAccountSasUri);
    }

    [Theory]
    [InlineData("Not_An_Account", "--storage-account takes a storage account name (3-24 lowercase letters and digits)")]
    [InlineData("ab", "--storage-account takes a storage account name (3-24 lowercase letters and digits)")]
    public async Task A_name_storage_would_refuse_is_a_usage_error(string name, string error)
    {
        var result = await Cli.RunAsync(StatusCommand.Create(), "--storage-account", name);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(error, result.Error);
    }

    [Fact]
    public async Task A_connection_string_and_an_account_name_together_are_a_usage_error()
    {
        var result = await Cli.RunAsync(StatusCommand.Create(), "--storage", "UseDevelopmentStorage=true", "--storage-account", "stnewsroom01");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Pass --storage or --storage-account, not both.", result.Error);
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
