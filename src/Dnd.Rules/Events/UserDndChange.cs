using Dnd.Rules.Consent;

namespace Dnd.Rules.Events;

/// <summary>A user (or a workflow acting for one) turns DND on or off for one channel, or for all when Channel is null.</summary>
/// <param name="Permanent">
/// With Enable: the user records the contact's own permanent opt-out (HighLevel's "permanent" status), which the
/// override policy then treats like any permanent DND: lifted only by the contact's own opt-in or with proof of consent.
/// </param>
/// <param name="ConsentProof">With a lift: the contact's consent the user records, which lets a user lift a permanent DND.</param>
public sealed record UserDndChange(Channel? Channel, bool Enable, string By, string? Message = null, bool ByWorkflow = false, bool Permanent = false,
    ConsentProof? ConsentProof = null) : ConsentEvent
{
    public override string Kind => ByWorkflow ? "workflow.dnd" : "user.dnd";
    public override Actor Actor => ByWorkflow ? Actor.Workflow : Actor.User;
    public override string Source => ByWorkflow ? $"workflow:{By}" : $"user:{By}";
    public override string? Note => Message;
    public override ConsentProof? Proof => ConsentProof;
    public override string Describe() =>
        $"{Kind} {(!Enable ? "disable" : Permanent ? "permanent" : "enable")} {Channel?.ToWire() ?? "all channels"} by {By}" +
        (ConsentProof is { } p ? $" with proof of consent ({p.Method}, given {p.GivenAt:u})" : "");
}
