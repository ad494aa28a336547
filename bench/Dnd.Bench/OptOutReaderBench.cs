using System.Diagnostics;
using Dnd.Rules.Data;

namespace Dnd.Bench;

/// <summary>
/// The opt-out reader alone (`dotnet run -c Release -- optout`): it runs on every inbound message before the rules,
/// so its cost per message and what it allocates are measured on their own.
/// </summary>
internal static class OptOutReaderBench
{
    private static readonly string[] Replies =
    [
        "STOP", "please stop texting me", "Can I stop by the office tomorrow at 5? I can't stop thinking about that deal",
        "No me envíes más mensajes 🛑", "not interested, thanks", "Thanks! See you at the end of the day",
        string.Concat(Enumerable.Repeat("a long reply that says nothing much, ", 40)),
    ];

    public static int Run(int rounds)
    {
        const int perRound = 500_000;
        var reader = AccountSettings.Default.OptOutMatcher;
        var samples = new List<double>();
        var allocated = 0.0;
        for (var round = 0; round < Math.Max(rounds, 3); round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < perRound; i++)
            {
                reader.Read(Replies[i % Replies.Length]);
            }
            samples.Add(watch.Elapsed.TotalNanoseconds / perRound);
            allocated = (double)(GC.GetAllocatedBytesForCurrentThread() - before) / perRound;
        }
        var median = samples.Skip(1).Order().ElementAt((samples.Count - 1) / 2);
        Console.WriteLine($"Opt-out reader: median {median:N0} ns per message ({1e9 / median:N0} messages/s on one core), " +
                          $"{allocated:N1} bytes allocated per message, over {Replies.Length} replies (one at the 1,000-character cap)");
        foreach (var reply in Replies)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < 100_000; i++)
            {
                reader.Read(reply);
            }
            Console.WriteLine($"  {watch.Elapsed.TotalNanoseconds / 100_000,8:N0} ns  {(reply.Length > 60 ? reply[..57] + "..." : reply)}");
        }
        return 0;
    }
}
