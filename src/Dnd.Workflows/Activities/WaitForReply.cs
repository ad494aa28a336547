using Dnd.Rules.Consent;

namespace Dnd.Workflows.Activities;

/// <summary>Waits for the contact's next inbound message (optionally on one channel), with an optional timeout.</summary>
public sealed class WaitForReply : IActivity
{
    public const string TypeName = "WaitForReply";
    public const string Replied = "Replied";
    public const string TimedOut = "TimedOut";

    public ActivityDescriptor Descriptor { get; } = new(TypeName, "Wait for reply", "Flow",
        "Waits until the contact replies, or the timeout passes.", false,
        [Replied, TimedOut],
        [
            new PropertyDescriptor("channel", "channelOrAll", false, "Only replies on this channel.", "all"),
            new PropertyDescriptor("timeout", "duration", false, "Give up after this long; empty waits forever."),
        ]);

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var channel = context.Text("channel");
        var wire = string.IsNullOrEmpty(channel) || channel.Equals("all", StringComparison.OrdinalIgnoreCase)
            ? null
            : ChannelNames.Parse(channel).ToWire();
        DateTimeOffset? due = context.Node.TryDuration("timeout", out var timeout) ? context.Now + timeout : null;
        return ValueTask.FromResult(ActivityResult.Suspend(new BookmarkRequest(BookmarkRequest.Reply, due, wire),
            $"waiting for a reply{(wire is null ? "" : $" on {wire}")}{(due is null ? "" : $" until {due:u}")}"));
    }

    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeInput input) =>
        ValueTask.FromResult(input.TimedOut
            ? ActivityResult.Leave(TimedOut, "no reply in time")
            : ActivityResult.Leave(Replied, $"replied: {input.Body}"));
}
