using Dnd.Rules.Consent;
using Dnd.Workflows.Consent;

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

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var channel = ChannelNames.Parse(context.Text("channel"));
        // A workflow may not flood one contact: past the account's hourly cap the send is skipped like a DND block.
        var cap = (await context.Service<AccountSettingsStore>().ProfileAsync(context.Instance.AccountId)).SendCapPerHour;
        var result = await context.Write.Messenger.SendAsync(
            context.Contact, channel, context.Text("subject"), context.Text("body") ?? "", context.Instance.Id, cap);
        if (result.Sent)
        {
            return ActivityResult.Leave(ActivityResult.Done, $"sent: {channel.ToWire()} message {result.Message.Id}");
        }
        var outcome = context.Definition.HasConnection(context.Node.Id, Blocked) ? Blocked : ActivityResult.Done;
        return ActivityResult.Leave(outcome, $"skipped: {result.BlockedReason}");
    }
}
