namespace Dnd.Crm.Persistence;

/// <summary>
/// A contact. Each channel's DND status has its own column so searches and smart lists filter in SQL;
/// the reasons behind them (code, message, source, spam lock) live in DndDetailsJson.
/// </summary>
public sealed class ContactRecord
{
    public required string Id { get; set; }
    public required string AccountId { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }

    /// <summary>First and last name as people read them ("" when neither is set); derived, so not a column.</summary>
    public string FullName => string.Join(' ', new[] { FirstName, LastName }.Where(n => !string.IsNullOrWhiteSpace(n)));
    public string? Email { get; set; }
    public string? Phone { get; set; }

    /// <summary>
    /// The email (phone) when this contact is the account's contact for it; null for an allowed duplicate. Unique per
    /// account, so concurrent creates of one address cannot both make a new contact.
    /// </summary>
    public string? EmailKey { get; set; }

    public string? PhoneKey { get; set; }
    public string? CompanyName { get; set; }

    /// <summary>IANA time zone the contact lives in (HighLevel's timezone): quiet hours are counted in it.</summary>
    public string? TimeZone { get; set; }
    public string? Source { get; set; }
    /// <summary>Tags stored as "|a|b|" so "has tag" is a plain SQL substring test on any provider.</summary>
    public string TagsText { get; set; } = "";

    public List<string> Tags
    {
        get => TagsText.Split('|', StringSplitOptions.RemoveEmptyEntries).ToList();
        set => TagsText = value.Count == 0 ? "" : "|" + string.Join('|', value.Select(t => t.Replace("|", ""))) + "|";
    }

    /// <summary>
    /// HighLevel custom field values as a JSON array of {"id", "value"}, the value kept with its JSON type. Smart lists
    /// filter on them in SQL through the database's JSON functions (SmartLists/CustomFieldSql), so one text column is enough.
    /// </summary>
    public string CustomFieldsJson { get; set; } = "[]";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public int DndCall { get; set; }
    public int DndEmail { get; set; }
    public int DndSms { get; set; }
    public int DndWhatsApp { get; set; }
    public int DndFb { get; set; }
    public int DndGmb { get; set; }
    public string DndDetailsJson { get; set; } = "{}";
    public bool InboundDnd { get; set; }
    public string? InboundDndMessage { get; set; }
    public long LedgerSequence { get; set; }

    /// <summary>
    /// Channels with a possible opt-out waiting for staff, as "|SMS|WhatsApp|": their marketing is held until it is
    /// handled. Kept on the row so a send decides on what it already read.
    /// </summary>
    public string? ReviewHolds { get; set; }

    public bool IsHeld(string channel) => ReviewHolds?.Contains($"|{channel}|", StringComparison.Ordinal) == true;

    public void Hold(string channel)
    {
        if (!IsHeld(channel))
        {
            ReviewHolds = (ReviewHolds ?? "|") + channel + "|";
        }
    }

    public void Release(string channel)
    {
        var rest = ReviewHolds?.Replace($"|{channel}|", "|", StringComparison.Ordinal);
        ReviewHolds = rest is null or "|" ? null : rest;
    }

    /// <summary>Optimistic concurrency: two webhooks changing one contact at once cannot both win silently.</summary>
    public long Revision { get; set; }

    /// <summary>The contact's address of that kind (phone or email), or null.</summary>
    public string? Address(Dnd.Rules.Consent.AddressKind kind) => kind switch
    {
        Dnd.Rules.Consent.AddressKind.Phone => Phone,
        Dnd.Rules.Consent.AddressKind.Email => Email,
        _ => null,
    };

    /// <summary>The phone and email the contact has, each with its kind: the addresses whose consent it shares.</summary>
    public IEnumerable<(Dnd.Rules.Consent.AddressKind Kind, string Address)> Addresses() =>
        new[] { Dnd.Rules.Consent.AddressKind.Phone, Dnd.Rules.Consent.AddressKind.Email }
            .Where(kind => Address(kind) is not null).Select(kind => (kind, Address(kind)!));

    public static ContactRecord Create(string accountId, DateTimeOffset now, string? source) => new()
    {
        Id = Guid.NewGuid().ToString("N")[..20], AccountId = accountId, Source = source, CreatedAt = now, UpdatedAt = now,
    };
}
