using System.CommandLine;
using Pipeline.Local.Emulator;

namespace Pipeline.Local.Commands;

/// <summary><c>emulate-language</c>: the Azure AI Language emulator on its own, for a host or a client run elsewhere.</summary>
internal static class EmulateLanguageCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0: a free one).", DefaultValueFactory = _ => 5080 };
        var key = new Option<string?>("--key") { Description = "Require this Ocp-Apim-Subscription-Key (401 otherwise)." };
        var rpm = new Option<int>("--429-rpm") { Description = "Answer 429 past this many requests per sliding minute, all clients together (0: no limit)." };
        var throttleRate = new Option<double>("--429-rate") { Description = "Share of requests answered 429 at random (0-1)." };
        var unavailableRate = new Option<double>("--503-rate") { Description = "Share of requests answered 503 at random (0-1)." };
        var latency = new Option<int>("--latency-ms") { Description = "Milliseconds added to every answer." };
        var seed = new Option<int>("--seed") { Description = "Seed of the random faults.", DefaultValueFactory = _ => 1 };
        var command = new Command("emulate-language", "Serve POST /language/:analyze-text on loopback, answered by the offline analyzer, with optional faults.")
        {
            port, key, rpm, throttleRate, unavailableRate, latency, seed,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            // Ctrl+C and SIGTERM end the wait below, not the process, so the counts are printed: `bench --analyzer emulated`
            // reads them from this line after it interrupts its emulator.
            using var stop = new TerminationSignals(cancellationToken);
            await using var emulator = await LanguageEmulator.StartAsync(new LanguageEmulatorOptions
            {
                Port = parse.GetValue(port),
                Key = parse.GetValue(key),
                ThrottleRequestsPerMinute = parse.GetValue(rpm),
                ThrottleRate = parse.GetValue(throttleRate),
                UnavailableRate = parse.GetValue(unavailableRate),
                Latency = TimeSpan.FromMilliseconds(parse.GetValue(latency)),
                Seed = parse.GetValue(seed),
            }, stop.Token).ConfigureAwait(false);
            Console.WriteLine($"Language emulator listening on {emulator.BaseAddress} (Pipeline__Language__Endpoint={emulator.BaseAddress}); counts at {new Uri(emulator.BaseAddress, LanguageEmulator.StatsPath.TrimStart('/'))}; Ctrl+C stops.");
            await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            Console.WriteLine($"Language emulator: {emulator.Stats}.");
            return 0;
        });
        return command;
    }
}
