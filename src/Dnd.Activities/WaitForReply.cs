using Dnd.Rules.Consent;
using Dnd.Workflows.Activities;
using Dnd.Workflows.Model;

namespace Dnd.Activities;

/// <summary>Waits for the contact's next inbound message (optionally on one channel), with an optional timeout.</summary>
[Activity("Flow", "Wait for reply", "Waits until the contact replies, or the timeout passes.")]
[FlowNode(Replied, TimedOut)]
public sealed class WaitForReply : IActivity, IHoldsContact
{
    public const string TypeName = nameof(WaitForReply);
    public const string Replied = "Replied";
    public const string TimedOut = "TimedOut";

    [Input("Only replies on this channel.", DefaultValue = InputTypes.AllChannels)]
    public Input<Channel?> Channel { get; } = new();

    [Input("Give up after this long; empty waits forever.")]
    public Input<TimeSpan?> Timeout { get; } = new();

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var wire = context.Get(Channel)?.ToWire();
        DateTimeOffset? due = context.Get(Timeout) is { } timeout ? context.Now + timeout : null;
        return ValueTask.FromResult(ActivityResult.Suspend(new BookmarkRequest(BookmarkRequest.Reply, due, wire),
            $"waiting for a reply{(wire is null ? "" : $" on {wire}")}{(due is null ? "" : $" until {due:u}")}"));
    }

    /// <remarks>Replied needs a message from the contact, so only the timeout can come round by itself; none waits forever.</remarks>
    public TimeSpan HoldsAtLeast(ActivityNode node) => Timeout.Read(node) ?? TimeSpan.MaxValue;

    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeInput input) =>
        ValueTask.FromResult(input.TimedOut
            ? ActivityResult.Leave(TimedOut, "no reply in time")
            : ActivityResult.Leave(Replied, $"replied: {input.Body}"));
}
