using System.CommandLine;
using Pipeline.Local.Reliability;

namespace Pipeline.Local.Commands;

/// <summary><c>soak</c>: the reliability run — competing hosts, SIGKILLs, an Azurite crash and restart, Language faults — and its books.</summary>
internal static class SoakCommand
{
    public static Command Create()
    {
        var articles = new Option<int>("--articles") { Description = "Articles to upload (every 50th is an empty file that must be quarantined).", DefaultValueFactory = _ => 5000 };
        var hosts = new Option<int>("--hosts") { Description = "Competing `pipeline run` host processes.", DefaultValueFactory = _ => 3 };
        var kills = new Option<int>("--kills") { Description = "Hosts killed with SIGKILL (and restarted) during the upload.", DefaultValueFactory = _ => 2 };
        var restartStorage = new Option<bool>("--restart-storage") { Description = "Stop and restart Azurite halfway through.", DefaultValueFactory = _ => true };
        var storageOutage = new Option<int>("--storage-outage") { Description = "Seconds Azurite stays down after a SIGKILL a fifth of the way through the upload (0: no crash).", DefaultValueFactory = _ => 30 };
        storageOutage.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 3600)
                result.AddError("--storage-outage takes a whole number of seconds from 0 to 3600.");
        });
        var languageFaults = new Option<bool>("--language-faults") { Description = "Hosts use the Language emulator with 30% 429s and 10% 503s (slow: every throttled call waits out its Retry-After)." };
        var deletePercent = new Option<int>("--delete-percent")
        {
            Description = $"Percent (0-100) of the articles with text among the first {SoakOptions.DeleteFrom * 100:F0}% uploaded to delete, once the pipeline has settled half of those.",
            DefaultValueFactory = _ => 10,
        };
        deletePercent.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 100)
                result.AddError("--delete-percent takes a whole number from 0 to 100.");
        });
        var command = new Command("soak", "Reliability run on loopback: every article summarised, quarantined or retracted exactly once, whatever breaks.")
        {
            articles, hosts, kills, restartStorage, storageOutage, languageFaults, deletePercent,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new SoakOptions(parse.GetValue(articles), parse.GetValue(hosts), parse.GetValue(kills), parse.GetValue(restartStorage), parse.GetValue(languageFaults), parse.GetValue(deletePercent),
                TimeSpan.FromSeconds(parse.GetValue(storageOutage)));
            // Its hosts, its Azurite and its data folder must not outlive it: Ctrl+C and SIGTERM cancel the run, and its cleanup removes them.
            using var stop = new TerminationSignals(cancellationToken);
            var report = await new SoakRun(options, Console.Out).RunAsync(stop.Token);
            foreach (string line in report.HostReports) Console.WriteLine("  " + line);
            Console.WriteLine($"Uploaded {report.Uploaded}: summarised {report.Summarised}, quarantined {report.Quarantined}, poisoned {report.Poisoned} (after replaying {report.ReplayedFromPoison} from poison), unaccounted {report.Unaccounted}; " +
                              $"deleted {report.Deleted} ({report.DeletedUnrecorded} not yet recorded then): retracted {report.Retracted} ({report.RetractedAfterCounting} after the summary had counted them), " +
                              $"vanished {report.Vanished} (deleted before the pipeline recorded anything of them). " +
                              $"Summary counts {report.SummaryArticleCount} articles, retractedCount {report.SummaryRetractedCount}. " +
                              $"{report.Kills} SIGKILLs, {report.StorageCrashes} Azurite SIGKILLs, {report.StorageRestarts} Azurite restarts, {report.Elapsed.TotalSeconds:F0} s. " +
                              $"Hosts exited {report.HostsExited}; peak host resident set {report.PeakHostResidentBytes / (1024 * 1024)} MB (bound {PipelineHostProcess.MemoryBoundBytes / (1024 * 1024)} MB).");
            Console.WriteLine(report.ExactlyOnce
                ? "EXACTLY ONCE: every article summarised or quarantined, every deleted one retracted or never counted, every recorded one retracted, none counted or retracted twice."
                : "FAILED: the books do not balance.");
            if (!report.HostsHeld) Console.WriteLine("FAILED: a host exited or outgrew the memory bound.");
            return report.ExactlyOnce && report.HostsHeld ? 0 : 1;
        });
        return command;
    }
}
