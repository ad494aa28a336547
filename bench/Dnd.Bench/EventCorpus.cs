using Dnd.Rules.Consent;
using Dnd.Rules.Events;

namespace Dnd.Bench;

/// <summary>A fixed, shuffled mix of every event variant the rules know, plus ones they ignore.</summary>
internal static class EventCorpus
{
    public static List<ConsentEvent> Build(int size, int seed)
    {
        var variants = new List<ConsentEvent>();
        foreach (var code in new[] { "30003", "30004", "30005", "30006", "30007", "21610", "", "30008" })
        {
            variants.Add(new TwilioSmsStatusEvent("undelivered", code));
        }
        foreach (var body in new[] { "STOP", "stopall", " Unsubscribe ", "CANCEL", "end", "QUIT", "revoke", "OPTOUT", "START", "unstop", "YES", "hi there" })
        {
            variants.Add(new InboundMessageEvent(Channel.Sms, body));
            variants.Add(new InboundMessageEvent(Channel.WhatsApp, body));
        }
        foreach (var reason in new[] { "bounce", "generic", "suppress-bounce", "suppress-unsubscribe", "suppress-complaint" })
        {
            variants.Add(new MailgunEvent("failed", "permanent", reason));
            variants.Add(new MailgunEvent("failed", "temporary", reason));
        }
        variants.AddRange([new MailgunEvent("unsubscribed"), new MailgunEvent("complained"), new MailgunEvent("delivered")]);
        foreach (var channel in ChannelNames.All.Cast<Channel?>().Append(null))
        {
            variants.Add(new UserDndChange(channel, true, "u"));
            variants.Add(new UserDndChange(channel, false, "u"));
            variants.Add(new UserDndChange(channel, false, "wf", ByWorkflow: true));
        }
        variants.AddRange([new FormSubmissionEvent("f", true), new FormSubmissionEvent("f", false), new UnsubscribeLinkEvent("m")]);

        var random = new Random(seed);
        return Enumerable.Range(0, size).Select(_ => variants[random.Next(variants.Count)]).ToList();
    }
}
