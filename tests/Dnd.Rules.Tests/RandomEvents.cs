using Dnd.Rules.Consent;
using Dnd.Rules.Events;
using Dnd.Rules.Data;

namespace Dnd.Rules.Tests;

/// <summary>Seeded generator of arbitrary event sequences for the property tests; a seed reproduces a failure.</summary>
internal static class RandomEvents
{
    private static readonly string[] Bodies = ["STOP", "start", "yes", "hello", "END", "unstop", "stop please", "QUIT"];
    private static readonly string[] TwilioCodes = ["30003", "30004", "30005", "30006", "30007", "21610", "", "11200"];
    private static readonly (string Event, string? Severity, string? Reason)[] Mailgun =
    [
        ("failed", "permanent", "bounce"), ("failed", "permanent", "generic"), ("failed", "permanent", "suppress-bounce"),
        ("failed", "permanent", "suppress-unsubscribe"), ("failed", "permanent", "suppress-complaint"),
        ("failed", "temporary", "generic"), ("unsubscribed", null, null), ("complained", null, null), ("delivered", null, null),
    ];

    public static readonly ConsentProof Proof = new(ConsentMethod.WebForm, new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), "https://example.com/consent/1", "u");

    public static ConsentEvent Next(Random random)
    {
        var channels = ChannelNames.All;
        Channel? AnyChannel() => random.Next(7) == 0 ? null : channels[random.Next(channels.Count)];
        return random.Next(8) switch
        {
            0 => new TwilioSmsStatusEvent("failed", TwilioCodes[random.Next(TwilioCodes.Length)]),
            1 => new InboundMessageEvent(channels[random.Next(channels.Count)], Bodies[random.Next(Bodies.Length)]),
            2 => Mailgun[random.Next(Mailgun.Length)] is var (e, s, r) ? new MailgunEvent(e, s, r) : throw new InvalidOperationException(),
            3 or 4 => random.Next(3) switch
            {
                0 => new UserDndChange(AnyChannel(), true, "u", ByWorkflow: random.Next(2) == 0, Permanent: random.Next(2) == 0),
                1 => new UserDndChange(AnyChannel(), false, "u", ByWorkflow: random.Next(2) == 0),
                // With a reason, or with recorded proof of consent (which a workflow may carry too: the rules must ignore it there).
                _ => new UserDndChange(AnyChannel(), false, "u", random.Next(2) == 0 ? "asked by phone" : null, ByWorkflow: random.Next(2) == 0,
                    ConsentProof: random.Next(2) == 0 ? Proof : null),
            },
            5 => new FormSubmissionEvent("f", random.Next(4) > 0),
            6 => new UnsubscribeLinkEvent("m"),
            _ => new UserDndChange(AnyChannel(), false, "admin"),
        };
    }

    public static AccountSettings Settings(Random random) => random.Next(2) == 0
        ? AccountSettings.Default
        : AccountSettings.Default with { UnsubscribeScope = UnsubscribeScope.AllChannels };
}
