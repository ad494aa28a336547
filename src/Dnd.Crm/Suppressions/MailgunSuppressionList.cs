using Dnd.Rules.Events;

namespace Dnd.Crm.Suppressions;

/// <summary>
/// Mailgun's suppression lists of a domain, and what each means here: the Mailgun failure reason its entries are
/// imported as (mailgun-events.json decides the DND), and whether lifting the DND takes the address off it.
/// </summary>
public sealed record MailgunSuppressionList(string Name, string Reason, bool RemovedOnLift)
{
    public static readonly MailgunSuppressionList Bounces = new("bounces", "suppress-bounce", true);
    public static readonly MailgunSuppressionList Unsubscribes = new("unsubscribes", "suppress-unsubscribe", true);

    /// <summary>A complaint is a spam lock, which nobody lifts: its entry is never removed.</summary>
    public static readonly MailgunSuppressionList Complaints = new("complaints", "suppress-complaint", false);

    public static IReadOnlyList<MailgunSuppressionList> All { get; } = [Bounces, Unsubscribes, Complaints];

    /// <summary>The entry as the Mailgun event it stands for: a permanent failure because the address is suppressed.</summary>
    public MailgunEvent Event(SuppressionEntry entry) => new("failed", "permanent", Reason)
    {
        ActedBy = $"mailgun {Name} list, imported on connect ({entry.Describe()})",
    };
}
