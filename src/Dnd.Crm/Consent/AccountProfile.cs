namespace Dnd.Crm.Consent;

/// <summary>An account's settings outside the DND rules: how it reads phone numbers, treats duplicates, caps sends.</summary>
public sealed record AccountProfile
{
    public static AccountProfile Default { get; } = new();

    /// <summary>ISO 3166 region that phone numbers without a country code are read in (libphonenumber's default region).</summary>
    public string DefaultRegion { get; init; } = "US";

    /// <summary>HighLevel's "Allow duplicate contact": off, a second contact with a taken phone or email is refused.</summary>
    public bool AllowDuplicateContact { get; init; }

    /// <summary>Messages a workflow may send one contact on one channel in an hour; a runaway loop stops here.</summary>
    public int SendCapPerHour { get; init; } = 10;

    /// <summary>
    /// IANA time zone the account works in (HighLevel's location timezone): business days, and so revocation deadlines,
    /// are counted in it.
    /// </summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>The <see cref="TimeZone"/>, resolved; UTC when the id is unknown on this machine (it is validated when set).</summary>
    public TimeZoneInfo Zone => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>
    /// The local hours marketing may reach a recipient in (quiet hours outside them); null: the server's default
    /// (Dnd:Messaging:DefaultSendingWindow, 08:00-21:00 unless configured).
    /// </summary>
    public SendingWindow? SendingWindow { get; init; }

    /// <summary>By form id, the field that carries the contact's explicit consent; forms not named use "consent".</summary>
    public IReadOnlyDictionary<string, string> FormConsentFields { get; init; } = new Dictionary<string, string>();
}
