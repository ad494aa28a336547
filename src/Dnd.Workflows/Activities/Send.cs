using Dnd.Rules.Consent;
using Dnd.Workflows.Messaging;

namespace Dnd.Workflows.Activities;

/// <summary>
/// Sends a templated message. DND is checked when the step runs, not when the workflow was designed or started:
/// a blocked send is recorded as "skipped: reason" and the workflow goes on, through Blocked when that is wired.
/// </summary>
public sealed class Send : IActivity
{
    public const string TypeName = "Send";
    public const string Blocked = "Blocked";

    public ActivityDescriptor Descriptor { get; } = new(TypeName, "Send message", "Messaging",
        "Sends SMS, Email, WhatsApp, FB, GMB or Call. Skips when DND blocks the channel and continues.", false,
        [ActivityResult.Done, Blocked],
        [
            new PropertyDescriptor("channel", "channel", true, "SMS, Email, WhatsApp, FB, GMB or Call.", "SMS"),
            new PropertyDescriptor("subject", "template", false, "Email subject (Scriban)."),
            new PropertyDescriptor("body", "template", true, "Message body (Scriban), e.g. Hi {{ contact.first_name }}."),
        ]);

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var channel = ChannelNames.Parse(context.Text("channel"));
        var result = context.Service<OutboundMessenger>().Send(
            context.Contact, channel, context.Text("subject"), context.Text("body") ?? "", context.Instance.Id);
        if (result.Sent)
        {
            return ValueTask.FromResult(ActivityResult.Leave(ActivityResult.Done, $"sent: {channel.ToWire()} message {result.Message.Id}"));
        }
        var outcome = context.Definition.HasConnection(context.Node.Id, Blocked) ? Blocked : ActivityResult.Done;
        return ValueTask.FromResult(ActivityResult.Leave(outcome, $"skipped: {result.BlockedReason}"));
    }
}
