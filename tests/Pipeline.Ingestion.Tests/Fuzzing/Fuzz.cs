using System.Globalization;
using System.Text;
using CsCheck;
using Xunit.Abstractions;

namespace Pipeline.Ingestion.Tests.Fuzzing;

/// <summary>
/// How every fuzz property runs: a fixed number of iterations (bounded time in CI), on one thread (the machine is shared),
/// with failing inputs printed as C# literals so they paste straight into <see cref="Regressions"/>.
/// <para>
/// Reproducing: CsCheck shrinks a failure and reports its seed; run again with that seed to replay it exactly:
/// <c>CsCheck_Seed=0N0XIzNsQ0O2 dotnet test tests/Pipeline.Ingestion.Tests --filter "FullyQualifiedName~Fuzzing.ParserFuzzTests"</c>.
/// Hunting longer: <c>PIPELINE_FUZZ_SCALE=50</c> multiplies every property's iterations.
/// </para>
/// </summary>
internal static class Fuzz
{
    /// <summary>
    /// The fuzz classes run by themselves, after the parallel tests: they keep a core busy for seconds, and alongside
    /// them the timing assertions of OfflinePerformanceTests failed on this shared 2-core machine.
    /// </summary>
    public const string Collection = "Fuzzing";

    private static readonly long Scale =
        long.TryParse(Environment.GetEnvironmentVariable("PIPELINE_FUZZ_SCALE"), CultureInfo.InvariantCulture, out long scale) && scale > 0 ? scale : 1;

    /// <summary>
    /// CI replays one fixed seed, so a red build always means a change broke something; <c>PIPELINE_FUZZ_EXPLORE=1</c>
    /// draws fresh inputs every run to hunt for new bugs (and <c>CsCheck_Seed</c> replays a reported one).
    /// </summary>
    private static readonly string? Seed =
        Environment.GetEnvironmentVariable("PIPELINE_FUZZ_EXPLORE") == "1" || Environment.GetEnvironmentVariable("CsCheck_Seed") is not null ? null : "0N0XIzNsQ0O2";

    public static void Check<T>(Gen<T> gen, Action<T> property, long iterations, ITestOutputHelper output, Func<T, string>? print = null) =>
        gen.Sample(property, writeLine: output.WriteLine, seed: Seed, iter: iterations * Scale, threads: 1, print: print);

    /// <summary>A C# string literal, every non-ASCII or control character escaped.</summary>
    public static string Literal(string s)
    {
        var literal = new StringBuilder("\"");
        foreach (char c in s)
        {
            if (c == '"') literal.Append("\\\"");
            else if (c == '\\') literal.Append("\\\\");
            else if (c == '\n') literal.Append("\\n");
            else if (c is >= ' ' and < '\u007F') literal.Append(c);
            else literal.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
        }
        return literal.Append('"').ToString();
    }

    public static string Literal(byte[] bytes) => $"Convert.FromHexString(\"{Convert.ToHexString(bytes)}\")";

    /// <summary>No lone surrogates: the text can be written as UTF-8 and JSON without loss.</summary>
    public static bool IsWellFormedUtf16(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { i++; continue; }
            if (char.IsSurrogate(s[i])) return false;
        }
        return true;
    }

    /// <summary>Every offset at which a grapheme cluster starts, plus the end of the text.</summary>
    public static HashSet<int> GraphemeBoundaries(string text)
    {
        var boundaries = new HashSet<int> { 0, text.Length };
        for (int i = 0; i < text.Length; i += StringInfo.GetNextTextElementLength(text.AsSpan(i)))
            boundaries.Add(i);
        return boundaries;
    }
}

[CollectionDefinition(Fuzz.Collection, DisableParallelization = true)]
public sealed class FuzzCollection;
