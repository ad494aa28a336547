using Dnd.Rules.Consent;

namespace Dnd.Rules.Facts;

/// <param name="Event">Mailgun's event, trimmed and lower-cased; so are Severity and Reason (empty when absent).</param>
public sealed record MailgunEventFacts(string Event, string Severity, string Reason, UnsubscribeScope Scope)
{
    /// <summary>The table's first entry for this event, or null.</summary>
    public Data.MailgunEvents.Entry? FirstIn(Data.MailgunEvents table) => table.FirstMatch(Event, Severity, Reason, Scope);
}
