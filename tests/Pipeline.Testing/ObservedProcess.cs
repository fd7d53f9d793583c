using System.Globalization;

namespace Pipeline.Testing;

/// <summary>
/// A process as Linux's /proc showed it. Its id and start time together name it: a process that ended and another that
/// was given its id later are not taken for one another. A process that started others and then died leaves them to
/// PID 1, where nothing links them to it any more, so what it started is seen while it runs.
/// </summary>
public sealed record ObservedProcess(int Id, long StartTime, string CommandLine)
{
    /// <summary>Every process <paramref name="ancestorId"/> started, and every process those started, as they are now.</summary>
    public static IReadOnlyList<ObservedProcess> DescendantsOf(int ancestorId)
    {
        var all = new List<(ObservedProcess Process, int ParentId)>();
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out int id) && Read(id) is { } seen)
                all.Add((seen.Process, seen.ParentId));
        }
        var found = new List<ObservedProcess>();
        var parents = new Queue<int>([ancestorId]);
        while (parents.TryDequeue(out int parent))
        {
            foreach (var (process, _) in all.Where(p => p.ParentId == parent))
            {
                found.Add(process);
                parents.Enqueue(process.Id);
            }
        }
        return found;
    }

    /// <summary>Still this process, and not a zombie that has exited but not yet been reaped.</summary>
    public bool IsRunning => Read(Id) is { } now && now.Process.StartTime == StartTime && now.State != 'Z';

    public override string ToString() => $"{Id} {CommandLine}";

    private static (ObservedProcess Process, int ParentId, char State)? Read(int id)
    {
        try
        {
            // "pid (comm) state ppid … starttime …": comm may hold spaces and parentheses, so fields count from its last ')'.
            string stat = File.ReadAllText($"/proc/{id}/stat");
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            string commandLine = File.ReadAllText($"/proc/{id}/cmdline").Replace('\0', ' ').TrimEnd();
            return (new ObservedProcess(id, long.Parse(fields[19], CultureInfo.InvariantCulture), commandLine),
                int.Parse(fields[1], CultureInfo.InvariantCulture), fields[0][0]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // it ended while being read, or it is another user's and /proc does not show it
        }
    }
}
