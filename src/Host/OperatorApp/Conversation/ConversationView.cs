using Dnd.Crm.Consent;
using Dnd.Host.Api.Conversations;
using Dnd.Host.OperatorApp.ContactScreen;
using Dnd.Rules.Consent;
using ContactRow = Dnd.Crm.Persistence.ContactRecord;

namespace Dnd.Host.OperatorApp.ConversationScreen;

/// <summary>Everything the conversation shows, read in one go: who, their DND, the messages oldest first, what can be sent where.</summary>
/// <param name="Messages">As GET /conversations/messages answers them.</param>
/// <param name="Stamp">What the page compares to learn that something changed (<see cref="ConversationActions.StampAsync"/>).</param>
/// <param name="Zone">The account's time zone, in which times are shown.</param>
public sealed record ConversationView(
    string Id,
    string Name,
    DndAggregate Aggregate,
    IReadOnlyCollection<string> BlockedLabels,
    IReadOnlyList<MessageDto> Messages,
    IReadOnlyList<ComposeChannel> Channels,
    string Stamp,
    TimeZoneInfo Zone)
{
    public static ConversationView From(ContactRow row, IReadOnlyList<MessageDto> messages, string stamp, TimeZoneInfo zone)
    {
        // The aggregate as the rules read it, so the badge says what the contact record's does.
        var consent = ContactConsentMapping.ToDomain(row);
        var name = row.FullName;
        return new ConversationView(
            row.Id,
            name.Length > 0 ? name : "Unnamed contact",
            consent.Aggregate,
            DndChannels.All.Where(c => consent[c.Channel].Blocks).Select(c => c.Label).ToList(),
            messages,
            ComposeChannel.For(row),
            stamp,
            zone);
    }
}
