using System.Diagnostics;

namespace Pipeline.Testing;

/// <summary>Wait-until-condition with a timeout, instead of sleeps.</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what, Func<T, string>? describe = null)
    {
        var clock = Stopwatch.StartNew();
        T last = await probe();
        while (!done(last))
        {
            if (clock.Elapsed > timeout)
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:F0} s waiting for {what}; last value: {(describe is null ? last : describe(last))}");
            await Task.Delay(100);
            last = await probe();
        }
        return last;
    }
}
