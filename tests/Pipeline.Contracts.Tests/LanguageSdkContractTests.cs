using System.Text.RegularExpressions;
using Pipeline.Local.Reliability;
using Xunit.Abstractions;

namespace Pipeline.Contracts.Tests;

/// <summary>
/// The Language emulator, started the way a user starts it (<c>pipeline emulate-language</c> as a process of its own),
/// driven by the official @azure/ai-language-text SDK with its default options (js/language.test.mjs).
/// </summary>
public sealed partial class LanguageSdkContractTests(ITestOutputHelper output)
{
    /// <summary>The <c>test(...)</c> calls in js/language.test.mjs; a suite that silently ran fewer fails.</summary>
    private const int JavaScriptTests = 14;

    private const string Key = "contract-test-key";

    [Fact]
    public async Task The_official_JavaScript_SDK_works_against_the_emulator_with_default_options()
    {
        using var emulator = PipelineHostProcess.Start("emulate-language", "--port", "0", "--key", Key);
        await emulator.WaitForLineAsync("listening on", TimeSpan.FromSeconds(60));
        // The endpoint exactly as printed, trailing "/" included, since that is what a user copies.
        string endpoint = ListeningOn().Match(emulator.Output.First(l => l.Contains("listening on", StringComparison.Ordinal))).Groups[1].Value;

        var result = await NodeSuite.RunAsync("language.test.mjs",
            new Dictionary<string, string> { ["LANGUAGE_ENDPOINT"] = endpoint, ["LANGUAGE_KEY"] = Key }, output, TimeSpan.FromMinutes(3));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(0, result.Failed);
        Assert.True(result.Passed >= JavaScriptTests, $"{result.Passed} JavaScript tests passed, expected {JavaScriptTests}");
        await emulator.InterruptAsync(TimeSpan.FromSeconds(10));
    }

    [GeneratedRegex(@"listening on (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex ListeningOn();
}
