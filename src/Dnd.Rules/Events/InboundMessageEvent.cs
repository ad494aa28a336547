using Dnd.Rules.Consent;

namespace Dnd.Rules.Events;

/// <summary>A message the contact sent us; a lone keyword in it opts out or back in.</summary>
/// <param name="OptOutType">
/// Twilio Advanced Opt-Out's verdict on the message (STOP, START or HELP) when the Messaging Service uses it;
/// Twilio has already acted on it, so it outranks our reading of the body.
/// </param>
public sealed record InboundMessageEvent(Channel Channel, string Body, string? OptOutType = null) : ConsentEvent
{
    /// <summary>
    /// The conversation around it: our last message to the contact on this channel came after their previous one, so
    /// this answers us. Read by the receiver only when the wording needs it (<c>OptOutReading.NeedsContext</c>).
    /// </summary>
    public bool InReplyToUs { get; init; }

    /// <summary>
    /// The body's wording as the receiver already read it with the same account settings (to know whether to look up
    /// the conversation), so a message is read once; null: the rules read it.
    /// </summary>
    public Data.OptOutReading? Reading { get; init; }

    public override string Kind => "inbound.message";
    public override Actor Actor => Actor.Contact;
    public override string Source => $"inbound:{Channel.ToWire()}";

    public override string Describe() => string.IsNullOrWhiteSpace(OptOutType)
        ? $"{Kind} {Channel.ToWire()} \"{Truncate(Body, 40)}\""
        : $"{Kind} {Channel.ToWire()} \"{Truncate(Body, 40)}\" OptOutType={Truncate(OptOutType.Trim(), 20)}";

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max] + "…";
}
