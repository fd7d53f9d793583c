using System.Diagnostics;
using Pipeline.Local.Commands;
using Pipeline.Local.Reliability;
using Pipeline.Testing;

namespace Pipeline.Local.Tests;

public class CommandLineTests
{
    private static async Task<IReadOnlyDictionary<string, string?>> AnalyzerSettingsOf(params string[] args)
    {
        var parse = PipelineCommandLine.Create().Parse(args);
        Assert.Empty(parse.Errors);
        await using var settings = await AnalyzerSettings.StartAsync(parse, CancellationToken.None);
        return settings.Settings;
    }

    [Fact]
    public async Task The_language_endpoint_option_takes_an_http_address()
    {
        var settings = await AnalyzerSettingsOf("run", "--ingest", "seeds", "--once", "--analyzer", "azure", "--language-endpoint", "http://127.0.0.1:5999", "--language-key", "K");

        Assert.Equal("AzureLanguage", settings["Pipeline:Analyzer"]);
        Assert.Equal("http://127.0.0.1:5999/", settings["Pipeline:Language:Endpoint"]);
        Assert.Equal("K", settings["Pipeline:Language:Key"]);
    }

    [Fact]
    public async Task Options_left_out_leave_the_environment_settings_in_force()
    {
        var settings = await AnalyzerSettingsOf("run", "--once");

        Assert.Empty(settings);
    }

    [Fact]
    public async Task An_endpoint_alone_implies_azure_and_an_explicit_offline_analyzer_is_kept()
    {
        Assert.Equal("AzureLanguage", (await AnalyzerSettingsOf("run", "--language-endpoint", "https://news.cognitiveservices.azure.com/"))["Pipeline:Analyzer"]);
        Assert.Equal("Offline", (await AnalyzerSettingsOf("run", "--analyzer", "offline"))["Pipeline:Analyzer"]);
    }

    [Theory]
    [InlineData("--language-endpoint", "127.0.0.1:5999")]
    [InlineData("--language-endpoint", "ftp://127.0.0.1/")]
    [InlineData("--otlp-endpoint", "not a url")]
    public void Addresses_that_are_not_absolute_http_are_usage_errors(string option, string value)
    {
        var parse = PipelineCommandLine.Create().Parse(["run", option, value]);

        Assert.Equal($"{option} takes an absolute http:// or https:// address, not '{value}'.", Assert.Single(parse.Errors).Message);
    }

    [Theory]
    [InlineData("-1", false)]
    [InlineData("0", true)]
    [InlineData("100", true)]
    [InlineData("101", false)]
    public void The_soak_deletes_a_percent_from_0_to_100(string value, bool accepted)
    {
        var parse = PipelineCommandLine.Create().Parse(["soak", "--delete-percent", value]);

        Assert.Equal(accepted ? [] : ["--delete-percent takes a whole number from 0 to 100."], parse.Errors.Select(e => e.Message));
    }

    [Fact]
    public async Task A_usage_error_is_one_line_naming_the_help_and_exit_code_1()
    {
        var result = await PipelineCommand.RunAsync(["run", "--language-endpoint", "nonsense"], TimeSpan.FromSeconds(30));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(["error: --language-endpoint takes an absolute http:// or https:// address, not 'nonsense'.", "See 'pipeline run --help'."], result.ErrorLines);
    }

    [Fact]
    public async Task A_setting_that_fails_validation_is_one_line_without_a_stack_trace()
    {
        string data = Path.Combine(Path.GetTempPath(), "pipeline-cli-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = await PipelineCommand.RunAsync(["run", "--once", "--analyzer", "azure", "--data-dir", data], TimeSpan.FromSeconds(90),
                new Dictionary<string, string> { ["Pipeline__Language__Endpoint"] = "" });

            Assert.True(result.ExitCode == 1, result.ToString());
            string line = Assert.Single(result.ErrorLines);
            Assert.StartsWith("error: ", line);
            Assert.Contains("'Endpoint' with the error: 'The Endpoint field is required.'", line);
            Assert.DoesNotContain("   at ", result.Output + result.Error);
        }
        finally
        {
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task A_failing_command_is_one_line_and_exit_code_1()
    {
        var result = await PipelineCommand.RunAsync(["analyze", "/nonexistent/article.txt"], TimeSpan.FromSeconds(30));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith("error: ", Assert.Single(result.ErrorLines));
    }

    /// <summary>
    /// Commands that need the repository, started where there is none: a copy of the build, as a published `pipeline` is,
    /// in its own folder (the build in the repository finds it from where it lies, wherever it is started). Each says in
    /// one line what it needs, and offers only the options it has; help shows all the same.
    /// </summary>
    [Fact]
    public async Task Commands_outside_the_repository_are_one_line_saying_what_they_need_and_exit_code_1()
    {
        string outside = Path.Combine(Path.GetTempPath(), "pipeline-outside-" + Guid.NewGuid().ToString("N"));
        try
        {
            await CopyBuildAsync(outside);

            var eval = await RunAsync(outside, "eval");
            var run = await RunAsync(outside, "run");
            var soak = await RunAsync(outside, "soak", "--articles", "5");
            var help = await RunAsync(outside, "eval", "--help");

            Assert.True(eval.ExitCode == 1, eval.ToString());
            Assert.Equal(["error: The gold sets are in the Pipeline repository: run inside it (package.json and Pipeline.sln not found), or pass --data <folder>."],
                eval.ErrorLines);
            Assert.True(run.ExitCode == 1, run.ToString());
            Assert.Equal(["error: The embedded Azurite is installed from the Pipeline repository: run inside it (package.json and Pipeline.sln not found), or pass --storage <connection string>."],
                run.ErrorLines);
            Assert.True(soak.ExitCode == 1, soak.ToString());
            Assert.Equal(["error: The embedded Azurite is installed from the Pipeline repository: run inside it (package.json and Pipeline.sln not found)."],
                soak.ErrorLines);
            Assert.True(help.ExitCode == 0, help.ToString());
            Assert.Contains("--data", help.Output);
        }
        finally
        {
            try { Directory.Delete(outside, recursive: true); } catch (IOException) { }
        }

        // Hard links where the temp folder shares the build's file system, so the build is not copied byte for byte.
        static async Task CopyBuildAsync(string target)
        {
            string build = Path.GetDirectoryName(typeof(PipelineHostProcess).Assembly.Location)!;
            foreach (string mode in new[] { "-al", "-a" })
            {
                using var copy = Process.Start("cp", [mode, build, target]);
                await copy.WaitForExitAsync();
                if (copy.ExitCode == 0)
                    return;
                try { Directory.Delete(target, recursive: true); } catch (DirectoryNotFoundException) { }
            }
            Assert.Fail($"Could not copy {build} to {target}.");
        }

        static Task<ProcessRun> RunAsync(string folder, params string[] arguments)
        {
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, ArgumentList = { Path.Combine(folder, "pipeline.dll") } };
            foreach (string argument in arguments) start.ArgumentList.Add(argument);
            start.Environment.Remove("AzureWebJobsStorage");
            return ProcessRun.RunAsync(start, TimeSpan.FromSeconds(30));
        }
    }

    [Fact]
    public async Task An_unknown_command_is_a_usage_error()
    {
        var result = await PipelineCommand.RunAsync(["frobnicate"], TimeSpan.FromSeconds(30));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["error: 'frobnicate' is not a pipeline command.", "See 'pipeline --help'."], result.ErrorLines);
    }
}
