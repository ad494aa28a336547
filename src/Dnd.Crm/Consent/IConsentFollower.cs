using Dnd.Crm.Persistence;
using Dnd.Rules.Consent;

namespace Dnd.Crm.Consent;

/// <summary>
/// Follows consent changes inside the write that makes them: told whenever a contact's channel starts or stops
/// blocking, it stages its own rows through the same <see cref="IConsentRows"/>, so they commit with the change or
/// not at all (the workflows' DND-changed trigger). The application registers them; the CRM names none.
/// </summary>
public interface IConsentFollower
{
    void BlockingChanged(IConsentRows rows, ContactRecord contact, Channel channel, ChannelDnd after, DateTimeOffset at);

    /// <summary>Told of every ledger line as it is staged (a contact's or an address's own), to stage rows of its own beside it.</summary>
    void LedgerWritten(IConsentRows rows, LedgerRecord line)
    {
    }
}
