namespace Dnd.Crm.Subscriptions;

/// <summary>The events an account may subscribe a URL to: the one list, which validation, staging and the docs read.</summary>
public static class WebhookEvents
{
    /// <summary>HighLevel's ContactDndUpdate: the contact's whole DND state after a channel starts or stops blocking.</summary>
    public const string ContactDndUpdate = "ContactDndUpdate";

    /// <summary>A consent ledger line as written: actor, rule, verdict, channel, before and after, proof of consent.</summary>
    public const string ConsentLedgerEntry = "ConsentLedgerEntry";

    public static IReadOnlyList<string> All { get; } = [ContactDndUpdate, ConsentLedgerEntry];

    /// <summary>The event's own spelling for a name given in any case; false for a name not in the list.</summary>
    public static bool TryParse(string? name, out string evt)
    {
        evt = All.FirstOrDefault(e => string.Equals(e, name?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? "";
        return evt.Length > 0;
    }
}
