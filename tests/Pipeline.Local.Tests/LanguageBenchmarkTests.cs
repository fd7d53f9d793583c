using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Local.Tests;

/// <summary>
/// <c>bench --analyzer emulated</c> end to end, small: two host processes against one <c>emulate-language</c> process. What
/// it must show whatever the machine's speed: the burst bills exactly what its chunks bill once each, the same texts
/// again bill nothing, and the emulator's own counts are read at the end.
/// </summary>
public sealed partial class LanguageBenchmarkTests
{
    [Fact]
    public async Task Two_hosts_bill_each_chunk_once_and_the_same_texts_again_bill_nothing()
    {
        var run = await PipelineCommand.RunAsync(["bench", "--analyzer", "emulated", "--count", "40", "--hosts", "2", "--paced-count", "3"], TimeSpan.FromMinutes(5));

        Assert.True(run.ExitCode == 0, run.ToString());
        var billing = Billing().Match(run.Output);
        Assert.True(billing.Success, run.Output);
        Assert.Equal(billing.Groups["expected"].Value, billing.Groups["billed"].Value);
        Assert.Contains("cache:   40 burst articles again under new names: 0 calls, 0 text records", run.Output);
        var burst = BurstCalls().Match(run.Output);
        Assert.True(burst.Success, run.Output);
        // Forty articles of one to four chunks: five kinds each alone would be 200 calls or more.
        Assert.InRange(double.Parse(burst.Groups["perArticle"].Value, CultureInfo.InvariantCulture), 0.3, 3.0);
        Assert.Equal(2, run.Output.Split('\n').Count(l => l.StartsWith("host ", StringComparison.Ordinal)));
        // The emulator's own counts, which it prints only if it stops in order when the bench interrupts it.
        Assert.Contains(run.Output.Split('\n'), l => l.StartsWith("emulator: Language emulator: ", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"billing: (?<billed>[\d,]+) text records billed for the burst; its distinct chunks bill (?<expected>[\d,]+) once each")]
    private static partial Regex Billing();

    [GeneratedRegex(@"burst:\s+[\d,]+ Language calls = (?<perArticle>[\d.]+) per article")]
    private static partial Regex BurstCalls();
}
