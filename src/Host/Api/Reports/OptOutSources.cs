namespace Dnd.Host.Api.Reports;

/// <summary>
/// The one mapping from a ledger line (its event and deciding rule) to the source an opt-out is reported under. The
/// event names the kind of signal (its first word, e.g. "inbound.message"); for inbound texts and Mailgun events the
/// rule tells a keyword from the contact's own words, an unsubscribe from a complaint.
/// </summary>
public static class OptOutSources
{
    public static readonly OptOutSource Keyword = new("keyword", "Keyword (STOP)");
    public static readonly OptOutSource Words = new("words", "Own words");
    public static readonly OptOutSource TwilioError = new("twilio_error", "Twilio error code");
    public static readonly OptOutSource MailgunUnsubscribe = new("mailgun_unsubscribe", "Mailgun unsubscribe");
    public static readonly OptOutSource MailgunComplaint = new("mailgun_complaint", "Mailgun complaint");
    public static readonly OptOutSource MailgunBounce = new("mailgun_bounce", "Mailgun bounce");
    public static readonly OptOutSource UnsubscribeLink = new("unsubscribe_link", "Unsubscribe link");
    public static readonly OptOutSource User = new("user", "User");
    public static readonly OptOutSource Workflow = new("workflow", "Workflow");
    public static readonly OptOutSource Revocation = new("revocation", "Revocation");
    public static readonly OptOutSource Other = new("other", "Other");

    /// <summary>Every source, in the order reports list them.</summary>
    public static IReadOnlyList<OptOutSource> All { get; } =
        [Keyword, Words, TwilioError, MailgunUnsubscribe, MailgunComplaint, MailgunBounce, UnsubscribeLink, User, Workflow, Revocation, Other];

    public static OptOutSource Of(string evt, string rule) => Kind(evt) switch
    {
        // Twilio's own STOP handling (Advanced Opt-Out) is the contact's keyword too.
        "inbound.message" => rule is "InboundOptOutKeyword" or "TwilioAdvancedOptOutStop" ? Keyword : Words,
        "twilio.sms-status" => TwilioError,
        "mailgun.event" => rule.Contains("Unsubscribe", StringComparison.Ordinal) ? MailgunUnsubscribe
            : rule.Contains("Complain", StringComparison.Ordinal) ? MailgunComplaint
            : MailgunBounce,
        "unsubscribe.link" => UnsubscribeLink,
        "user.dnd" => User,
        "workflow.dnd" => Workflow,
        "revocation.recorded" => Revocation,
        _ => Other,
    };

    private static string Kind(string evt) => evt.IndexOf(' ') is var space and >= 0 ? evt[..space] : evt;
}
