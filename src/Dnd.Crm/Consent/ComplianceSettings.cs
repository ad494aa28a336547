namespace Dnd.Crm.Consent;

/// <summary>
/// An account's compliance texts (the CRM's business profile): who it is, and what every message and keyword reply
/// says about opting out. Each text is a Scriban template over <c>account</c> (name, business_name, business_address)
/// and <c>contact</c>; the defaults below stand until the account sets its own.
/// </summary>
public sealed record ComplianceSettings
{
    public static ComplianceSettings Default { get; } = new();

    /// <summary>The lone words that ask for help (answered with <see cref="HelpReply"/>), as carriers know them.</summary>
    public static IReadOnlySet<string> HelpKeywords { get; } = new HashSet<string>(["HELP", "INFO"], StringComparer.Ordinal);

    /// <summary>The business named in the texts; the account's name when unset.</summary>
    public string? BusinessName { get; init; }

    public string? BusinessAddress { get; init; }

    public string SmsOptOutText { get; init; } = "Reply STOP to unsubscribe.";

    public SmsOptOutWhen SmsOptOutWhen { get; init; } = SmsOptOutWhen.EveryMessage;

    /// <summary>Below every email, under the unsubscribe link.</summary>
    public string EmailFooter { get; init; } = "{{ account.business_name }}{{ if account.business_address != \"\" }}, {{ account.business_address }}{{ end }}";

    public string UnsubscribeLinkText { get; init; } = "Unsubscribe";

    /// <summary>What a text's unsubscribe link page asks, above its "Stop SMS" and "Stop everything" buttons.</summary>
    public string UnsubscribePageText { get; init; } =
        "Stop receiving text messages from {{ account.business_name }} at {{ contact.phone }}? You can also stop every message from us.";

    /// <summary>What the page says once the contact confirmed.</summary>
    public string UnsubscribedPageText { get; init; } = "Done: {{ account.business_name }} will not text you again. Reply START to a text from us to resubscribe.";

    /// <summary>
    /// Whether a text opt-out is answered with <see cref="OptOutReply"/>, the one message allowed after it (within 5
    /// minutes, once); off, nothing at all is sent after it.
    /// </summary>
    public bool SendOptOutConfirmation { get; init; } = true;

    /// <summary>The one confirmation sent back when a contact opts out by text (when Twilio does not send its own).</summary>
    public string OptOutReply { get; init; } =
        "{{ account.business_name }}: you are unsubscribed and will get no more messages. Reply START to resubscribe.";

    /// <summary>The language of the pages a contact opens (<see cref="PageLanguages"/>): the preference center.</summary>
    public string Language { get; init; } = PageLanguages.English;

    /// <summary>The answer to HELP.</summary>
    public string HelpReply { get; init; } =
        "{{ account.business_name }}: reply STOP to unsubscribe, START to resubscribe. Msg & data rates may apply.";

    /// <summary>Each template with the settings field it comes from, for validation.</summary>
    public IEnumerable<(string Field, string Text)> Templates =>
    [
        ("smsOptOutText", SmsOptOutText), ("emailFooter", EmailFooter), ("unsubscribeLinkText", UnsubscribeLinkText),
        ("optOutReply", OptOutReply), ("helpReply", HelpReply), ("unsubscribePageText", UnsubscribePageText),
        ("unsubscribedPageText", UnsubscribedPageText),
    ];
}
