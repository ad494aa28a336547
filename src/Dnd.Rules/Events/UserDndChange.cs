using Dnd.Rules.Consent;

namespace Dnd.Rules.Events;

/// <summary>A user (or a workflow acting for one) turns DND on or off for one channel, or for all when Channel is null.</summary>
public sealed record UserDndChange(Channel? Channel, bool Enable, string By, string? Message = null, bool ByWorkflow = false)
    : ConsentEvent
{
    public override string Kind => ByWorkflow ? "workflow.dnd" : "user.dnd";
    public override Actor Actor => ByWorkflow ? Actor.Workflow : Actor.User;
    public override string Source => ByWorkflow ? $"workflow:{By}" : $"user:{By}";
    public override string? Note => Message;
    public override string Describe() =>
        $"{Kind} {(Enable ? "enable" : "disable")} {Channel?.ToWire() ?? "all channels"} by {By}";
}
