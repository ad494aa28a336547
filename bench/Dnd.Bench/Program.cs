using System.Diagnostics;
using Dnd.Bench;
using Dnd.Rules.Consent;
using Dnd.Rules.Engine;
using Dnd.Rules.Policy;
using Dnd.Rules.Data;

// Compares the product's rules path (the NRules rules of src/Dnd.Rules/Decisions) with a hand-written C# switch,
// both driven through the same ConsentEngine on the same events, in one run, rounds interleaved.
if (args is ["optout", ..])
{
    return OptOutReaderBench.Run(args.Length > 1 ? int.Parse(args[1]) : 7);
}
var rounds = args.Length > 0 ? int.Parse(args[0]) : 15;
var corpus = EventCorpus.Build(size: 5_000, seed: 7);
const int Contacts = 64;
// Accounts: the defaults; unsubscribes from all channels; and one whose contacts' revocations by text also stop calls and SMS.
var settings = new[]
{
    AccountSettings.Default,
    AccountSettings.Default with { UnsubscribeScope = UnsubscribeScope.AllChannels },
    AccountSettings.Default with { RevocationScope = [Channel.Sms, Channel.Call] },
};
var policies = new (string Name, IDndPolicy Policy)[]
{
    ("hand-written switch", new HandWrittenPolicy()),
    ("NRules, a session per decision", new NRulesPolicy(DndRuleSet.Default, memoize: false)),
    ("NRules, decisions memoized (product default)", new NRulesPolicy(DndRuleSet.Default)),
};

// All must make identical decisions, or the timing compares different work: the full ledgers (rule names, channels,
// statuses and the explanation, which carries each rule's message and reason), then every channel's final state
// (status, code, message, source, spam lock). Only the time and the NRules-only list of fired rules are left out.
var ledgers = policies.Select(p =>
{
    var contacts = Run(p.Policy);
    return contacts.SelectMany(c => c.Ledger)
        .Select(e => (object)(e.Sequence, e.Event, e.Actor, e.Channel, e.Verdict, e.Before, e.After, e.Rule, e.PolicyRule, e.Explanation))
        .Concat(contacts.SelectMany(c => c.Channels.OrderBy(x => x.Key)
            .Select(x => (object)(c.ContactId, x.Key, x.Value.Status, x.Value.Code, x.Value.Message, x.Value.Source, x.Value.SpamLock))))
        .ToList();
}).ToList();
foreach (var (other, i) in ledgers.Skip(1).Select((l, i) => (l, i + 1)))
{
    if (!ledgers[0].SequenceEqual(other))
    {
        var at = ledgers[0].Zip(other).TakeWhile(p => Equals(p.First, p.Second)).Count();
        Console.Error.WriteLine($"{policies[i].Name} disagrees at ledger line {at}: {ledgers[0].ElementAtOrDefault(at)} vs {other.ElementAtOrDefault(at)}");
        return 1;
    }
}
var lines = ledgers[0].Count - Contacts * ChannelNames.All.Count;
Console.WriteLine($"All policies agree on {lines:N0} ledger lines and {Contacts * ChannelNames.All.Count} final channel states from {corpus.Count:N0} events.");
// What the corpus exercises: a rule no event fires is a path the agreement above does not check.
var fired = Run(policies[1].Policy).SelectMany(c => c.Ledger).SelectMany(e => e.FiredRules ?? []).ToHashSet();
var idle = DndRuleSet.Default.Rules.Select(r => r.Name).Where(n => !fired.Contains(n)).Order().ToList();
Console.WriteLine($"{DndRuleSet.Default.Rules.Count - idle.Count} of {DndRuleSet.Default.Rules.Count} rules fired" +
                  (idle.Count == 0 ? "." : $"; never: {string.Join(", ", idle)}."));
if (rounds == 0)
{
    return 0; // `-- 0`: the agreement check alone
}

var samples = policies.ToDictionary(p => p.Name, _ => new List<double>());
for (var round = 0; round < rounds; round++)
{
    foreach (var (name, policy) in round % 2 == 0 ? policies : policies.Reverse().ToArray())
    {
        var watch = Stopwatch.StartNew();
        Run(policy);
        samples[name].Add(watch.Elapsed.TotalNanoseconds / corpus.Count);
    }
}

// The first round of each warms the JIT (and fills the memo).
double Median(List<double> xs) => xs.Skip(1).Order().ElementAt((xs.Count - 1) / 2);
var baseline = Median(samples[policies[0].Name]);
Console.WriteLine($"\n| path | median ns/event | events/s | ratio to switch |\n|---|---:|---:|---:|");
foreach (var (name, _) in policies)
{
    var median = Median(samples[name]);
    Console.WriteLine($"| {name} | {median:N0} | {1e9 / median:N0} | {median / baseline:N2}x |");
}
return 0;

List<ContactConsent> Run(IDndPolicy policy)
{
    var engine = new ConsentEngine(policy, TimeProvider.System);
    var contacts = Enumerable.Range(0, Contacts).Select(i => new ContactConsent($"c{i}")).ToList();
    for (var i = 0; i < corpus.Count; i++)
    {
        engine.ApplyAsync(contacts[i % contacts.Count], corpus[i], settings[i / contacts.Count % settings.Length]).AsTask().GetAwaiter().GetResult();
    }
    return contacts;
}
