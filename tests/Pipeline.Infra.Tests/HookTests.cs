using System.Diagnostics;

namespace Pipeline.Infra.Tests;

/// <summary>
/// The postdeploy hook fails in seconds, with the fix, when the Azure CLI is missing or signed out, instead of waiting
/// five minutes for a key it could never read. The shell hook is run against stand-in `az` commands; the PowerShell twin
/// is checked by reading it (pwsh is not on the CI machine).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HookTests
{
    static readonly string Hook = Path.Combine(BicepCli.RepositoryRoot, "scripts", "subscribe-ingest.sh");

    /// <summary>Runs the hook with only <paramref name="bin"/> and the system folders on PATH.</summary>
    static async Task<(int ExitCode, string Error, TimeSpan Took)> RunHookAsync(string bin)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Hook);
        start.Environment["PATH"] = $"{bin}:/usr/bin:/bin";
        start.Environment["AZURE_RESOURCE_GROUP"] = "rg-test";
        start.Environment["AZURE_FUNCTION_APP_NAME"] = "func-test";
        start.Environment["INGEST_SYSTEM_TOPIC_NAME"] = "evgt-test";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        try
        {
            // A hook that got past its checks would wait five minutes for the key: stop it, and the test fails on its own terms.
            await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        await output;
        return (process.ExitCode, await error, clock.Elapsed);
    }

    static string FakeAz(string script)
    {
        string bin = Directory.CreateTempSubdirectory("pipeline-hook-").FullName;
        string az = Path.Combine(bin, "az");
        File.WriteAllText(az, "#!/bin/sh\n" + script + "\n");
        File.SetUnixFileMode(az, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return bin;
    }

    [Fact]
    public async Task Without_the_azure_cli_the_hook_says_to_install_it_and_stops_at_once()
    {
        string emptyBin = Directory.CreateTempSubdirectory("pipeline-hook-").FullName;
        Assert.False(File.Exists("/usr/bin/az") || File.Exists("/bin/az"), "this machine has az in a system folder; the test cannot hide it");

        var (exitCode, error, took) = await RunHookAsync(emptyBin);

        Assert.Equal(1, exitCode);
        Assert.Contains("The Azure CLI (az) is not installed", error);
        Assert.True(took < TimeSpan.FromSeconds(10), $"took {took}");
    }

    [Fact]
    public async Task Signed_out_the_hook_says_to_run_az_login_and_never_starts_waiting_for_the_key()
    {
        // `az account show` fails as it does when signed out; any other call would be the key loop starting.
        var bin = FakeAz("""if [ "$1" = "account" ]; then echo "Please run 'az login' to setup account." >&2; exit 1; fi; echo "unexpected az $*" >&2; exit 3""");

        var (exitCode, error, took) = await RunHookAsync(bin);

        Assert.Equal(1, exitCode);
        Assert.Contains("The Azure CLI is not signed in. Run 'az login'", error);
        Assert.DoesNotContain("unexpected az", error);
        Assert.True(took < TimeSpan.FromSeconds(10), $"took {took}");
    }

    [Fact]
    public void The_powershell_hook_checks_the_cli_and_its_sign_in_before_the_key_loop()
    {
        string hook = File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "scripts", "subscribe-ingest.ps1"));
        int install = hook.IndexOf("Get-Command az", StringComparison.Ordinal);
        int signIn = hook.IndexOf("az account show", StringComparison.Ordinal);
        int keyLoop = hook.IndexOf("az functionapp keys list", StringComparison.Ordinal);

        Assert.True(install >= 0 && signIn > install && keyLoop > signIn, "the checks must come first, in that order");
        Assert.Contains("if ($LASTEXITCODE -ne 0)", hook[signIn..keyLoop]);
        Assert.Contains("'az login'", hook[signIn..keyLoop]);
    }
}
