using Dnd.Rules.Consent;
using Dnd.Rules.Events;

namespace Dnd.Bench;

/// <summary>
/// A fixed, shuffled mix of every event variant the rules know, plus ones they ignore: provider callbacks, keywords and
/// Twilio Advanced Opt-Out, opt-outs in the contact's own words (clear, possible, in reply or not, guarded, Spanish),
/// recorded revocations, users and workflows turning DND on, off and permanent (lifts with and without proof or a
/// reason), forms and unsubscribe links. Deterministic: the same size and seed give the same events.
/// </summary>
internal static class EventCorpus
{
    private static readonly DateTimeOffset Received = new(2025, 3, 3, 14, 30, 0, TimeSpan.Zero);

    private static readonly ConsentProof Proof =
        new(ConsentMethod.VerbalRecording, new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero), "call recording 2025-03-01 #4411", "user:u");

    public static List<ConsentEvent> Build(int size, int seed)
    {
        var variants = new List<ConsentEvent>();
        foreach (var code in new[] { "30003", "30004", "30005", "30006", "30007", "21610", "", "30008", " 30003 " })
        {
            variants.Add(new TwilioSmsStatusEvent("undelivered", code));
        }
        variants.Add(new TwilioSmsStatusEvent("failed", null));

        // Lone keywords (the account's lists) and sentences that are not one.
        foreach (var body in new[] { "STOP", "stopall", " Unsubscribe ", "CANCEL", "end", "QUIT", "revoke", "OPTOUT", "START", "unstop", "YES", "hi there" })
        {
            variants.Add(new InboundMessageEvent(Channel.Sms, body));
            variants.Add(new InboundMessageEvent(Channel.WhatsApp, body));
        }
        // Opt-outs in words: per-se words however written, clear and possible phrases, a word inside a sentence,
        // guarded wording, bare refusals in reply to us or unprompted, Spanish; on text channels and on calls (never read).
        foreach (var body in new[]
                 {
                     "please stop texting me", "Stop!! 🛑", "stpo", "Not interested", "I can't stop laughing", "dejen de escribirme",
                     "no me interesa", "I quit", "Can I stop by tomorrow?", "wrong number", "baja por favor",
                 })
        {
            foreach (var channel in new[] { Channel.Sms, Channel.WhatsApp, Channel.Fb, Channel.Email, Channel.Gmb, Channel.Call })
            {
                variants.Add(new InboundMessageEvent(channel, body));
            }
        }
        foreach (var body in new[] { "No", "Enough", "no more" })
        {
            foreach (var channel in new[] { Channel.Sms, Channel.Email, Channel.Call })
            {
                variants.Add(new InboundMessageEvent(channel, body) { InReplyToUs = true });
                variants.Add(new InboundMessageEvent(channel, body) { InReplyToUs = false });
            }
        }
        // Twilio Advanced Opt-Out outranks the body on SMS and WhatsApp; elsewhere only the body counts.
        foreach (var (type, body) in new[] { ("STOP", "stop"), ("start", "START"), ("HELP", "help"), ("STOP", "hi there"), (" Start ", "ok") })
        {
            variants.Add(new InboundMessageEvent(Channel.Sms, body, type));
            variants.Add(new InboundMessageEvent(Channel.WhatsApp, body, type));
            variants.Add(new InboundMessageEvent(Channel.Fb, body, type));
        }

        foreach (var reason in new[] { "bounce", "generic", "suppress-bounce", "suppress-unsubscribe", "suppress-complaint" })
        {
            variants.Add(new MailgunEvent("failed", "permanent", reason));
            variants.Add(new MailgunEvent("failed", "temporary", reason));
        }
        variants.AddRange([new MailgunEvent("unsubscribed"), new MailgunEvent("complained"), new MailgunEvent("delivered"), new MailgunEvent(" Failed ", "PERMANENT", " Bounce ")]);

        // Users and workflows: on, permanent, off; a user's lift with proof of consent, with a reason, with neither.
        foreach (var channel in ChannelNames.All.Cast<Channel?>().Append(null))
        {
            variants.Add(new UserDndChange(channel, true, "u"));
            variants.Add(new UserDndChange(channel, true, "u", Permanent: true));
            variants.Add(new UserDndChange(channel, false, "u"));
            variants.Add(new UserDndChange(channel, false, "u", Message: "the contact asked us by phone to resume"));
            variants.Add(new UserDndChange(channel, false, "u", ConsentProof: Proof));
            variants.Add(new UserDndChange(channel, false, "u", Message: "consent recorded on a call", ConsentProof: Proof));
            variants.Add(new UserDndChange(channel, false, "wf", ByWorkflow: true));
            variants.Add(new UserDndChange(channel, true, "wf", ByWorkflow: true, Permanent: true));
        }

        // Revocations staff recorded (a confirmed message, a call, a letter), and one with no method (no rule matches).
        variants.AddRange(
        [
            new RevocationRecorded([Channel.Sms], "text", Received, Received.AddDays(14)),
            new RevocationRecorded([Channel.Call, Channel.Email], "call", Received, Received.AddDays(14), "asked on the phone to stop everything but WhatsApp"),
            new RevocationRecorded([Channel.Email], "letter", Received, Received.AddDays(14)),
            new RevocationRecorded([Channel.WhatsApp], "", Received, Received.AddDays(14)),
        ]);

        variants.AddRange(
        [
            new FormSubmissionEvent("f", true), new FormSubmissionEvent("f", false),
            new UnsubscribeLinkEvent("m"), new UnsubscribeLinkEvent("s", Channel.Sms), new UnsubscribeLinkEvent("s", Channel.Sms, Everything: true),
            new UnsubscribeLinkEvent("w", Channel.WhatsApp),
        ]);

        // Unsubscribes and explicit form consent, weighted: otherwise stronger DND almost always overwrites an unsubscribe
        // before a form arrives, and FormConsentLiftsUnsubscribe (a form re-subscribing it) is never reached.
        for (var i = 0; i < 3; i++)
        {
            variants.AddRange([new FormSubmissionEvent("f", true), new MailgunEvent("unsubscribed"), new UnsubscribeLinkEvent("m")]);
        }

        var random = new Random(seed);
        return Enumerable.Range(0, size).Select(_ => variants[random.Next(variants.Count)]).ToList();
    }
}
