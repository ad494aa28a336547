using System.Globalization;

namespace Dnd.Host.Tests.Fuzz;

/// <summary>
/// How much to fuzz and from where. The defaults are fixed so ./test.sh is reproducible; the environment variables
/// let a developer replay a reported seed or run a longer campaign without editing code.
/// </summary>
/// <param name="TracePath">DND_FUZZ_TRACE: a file to write every case's request and status to, for seeing what a run covered.</param>
public sealed record FuzzSettings(int Cases, ulong Seed, string? TracePath = null)
{
    public const int DefaultCases = 2000;
    public const ulong DefaultSeed = 20251125;

    public static FuzzSettings FromEnvironment() => new(
        Read("DND_FUZZ_CASES", DefaultCases, s => int.Parse(s, CultureInfo.InvariantCulture)),
        Read("DND_FUZZ_SEED", DefaultSeed, s => ulong.Parse(s, CultureInfo.InvariantCulture)),
        Read<string?>("DND_FUZZ_TRACE", null, s => s));

    public string Replay => $"DND_FUZZ_SEED={Seed} DND_FUZZ_CASES={Cases}";

    private static T Read<T>(string name, T fallback, Func<string, T> parse) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? parse(value.Trim()) : fallback;
}
