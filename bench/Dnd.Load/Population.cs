using Dnd.Crm.Consent;

namespace Dnd.Load;

/// <summary>
/// The seeded contacts, split into pools so scenarios do not disturb each other's checks: inbound SMS (STOP),
/// status callbacks, Mailgun events, sends (a quarter SMS DND active), the two workflows, and the rest (a tenth
/// SMS DND active) that fills the account to its size for search.
/// </summary>
public sealed class Population
{
    public Population(int count, int instances)
    {
        Count = count;
        Inbound = new Pool(0, count / 5);
        Status = new Pool(Inbound.End, count / 10);
        Mailgun = new Pool(Status.End, count / 10);
        Send = new Pool(Mailgun.End, count / 10);
        Instances = Math.Min(instances, count / 10);
        WorkflowSend = new Pool(Send.End, count / 10);
        WorkflowDelay = new Pool(WorkflowSend.End, count / 10);
        Filler = new Pool(WorkflowDelay.End, count - WorkflowDelay.End);
        Phones = new string[count];
        for (var i = 0; i < count; i++)
        {
            // +1 NPA 555 XXXX: fictional numbers, "possible" for libphonenumber, 10,000 per area code.
            Phones[i] = Addresses.Phone($"+1{201 + i / 10_000}555{i % 10_000:D4}", "US")
                        ?? throw new InvalidOperationException($"contact {i}: its phone does not normalize");
        }
    }

    public int Count { get; }
    public int Instances { get; }
    public Pool Inbound { get; }
    public Pool Status { get; }
    public Pool Mailgun { get; }
    public Pool Send { get; }
    public Pool WorkflowSend { get; }
    public Pool WorkflowDelay { get; }
    public Pool Filler { get; }
    public string[] Phones { get; }

    public static string Id(int i) => $"bench{i:D8}";

    public string Phone(int i) => Phones[i];

    public static string Email(int i) => $"bench{i}@example.com";

    /// <summary>Seeded with SMS DND active (a user's temporary DND): a quarter of the send pool, a tenth of the filler.</summary>
    public bool SmsBlocked(int i) => (Send.Contains(i) && i % 4 == 3) || (Filler.Contains(i) && i % 10 == 3);

    public int SmsBlockedCount => Enumerable.Range(0, Count).Count(SmsBlocked);

    public readonly record struct Pool(int Start, int Size)
    {
        public int End => Start + Size;
        public bool Contains(int i) => i >= Start && i < End;
        public int Pick(Random random) => Start + random.Next(Size);
        public int At(int n) => Start + n % Size;
    }
}
