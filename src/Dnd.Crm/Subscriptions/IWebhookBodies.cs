using Dnd.Crm.Persistence;

namespace Dnd.Crm.Subscriptions;

/// <summary>
/// The events' bodies, written by the application in its API's own shapes (HighLevel's contact, the ledger line as the
/// ledger endpoint shows it), so a receiver reads what the API returns. Called inside the consent write.
/// </summary>
public interface IWebhookBodies
{
    /// <summary>HighLevel's ContactDndUpdate for the contact as it is after the change.</summary>
    string ContactDndUpdate(ContactRecord contact);

    /// <summary>A ConsentLedgerEntry event for the line (no secrets: the line holds none).</summary>
    string ConsentLedgerEntry(LedgerRecord line);
}
