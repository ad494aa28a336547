using Dnd.Rules.Consent;
using Dnd.Workflows.Activities;
using Dnd.Crm.Consent;
using Dnd.Crm.Persistence;

namespace Dnd.Activities;

/// <summary>
/// Sends a templated message. DND is checked when the step runs, not when the workflow was designed or started:
/// a blocked send is recorded as "skipped: reason" and the workflow goes on, through Blocked when that is wired.
/// </summary>
[Activity("Messaging", "Send message", "Sends a message on a channel. Skips when DND blocks the channel and continues.")]
[FlowNode(ActivityResult.Done, Blocked)]
public sealed class Send : IActivity
{
    public const string TypeName = nameof(Send);
    public const string Blocked = "Blocked";

    /// <summary>How the note of a send that did not leave begins; the reason follows.</summary>
    public const string SkippedPrefix = "skipped: ";

    [Input("The channel to send on.", DefaultValue = "SMS", Required = true)]
    public Input<Channel> Channel { get; } = new();

    [Input("Email subject (Scriban).", UIHint = InputUIHints.Template)]
    public Input<string> Subject { get; } = new();

    [Input("Message body (Scriban), e.g. Hi {{ contact.first_name }}.", Required = true, UIHint = InputUIHints.Template)]
    public Input<string> Body { get; } = new();

    [Input("Transactional: what the contact is owed (an appointment reminder, a receipt). Sent while a possible opt-out on the channel waits for review, when marketing is held; DND still stops it.")]
    public Input<bool> Transactional { get; } = new();

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var channel = context.Get(Channel);
        // A workflow may not flood one contact: past the account's hourly cap the send is skipped like a DND block.
        var account = context.Service<AccountSettingsStore>();
        var cap = (await account.ProfileAsync(context.Instance.AccountId)).SendCapPerHour;
        var result = await context.Crm().Messenger.SendAsync(context.ContactRecord(), channel, context.Get(Subject), context.Get(Body) ?? "",
            context.Instance.Id, await account.SenderAsync(context.Instance.AccountId), cap,
            context.Get(Transactional) ? MessagePurpose.Transactional : MessagePurpose.Marketing);
        if (result.Sent)
        {
            // A held message is out of the workflow's hands: it leaves or is cancelled when staff decide the review.
            return ActivityResult.Leave(ActivityResult.Done, result.Message.Status == MessageStatus.Held
                ? $"{result.Message.StatusReason}: {channel.ToWire()} message {result.Message.Id}"
                : $"sent: {channel.ToWire()} message {result.Message.Id}");
        }
        var outcome = context.Definition.HasConnection(context.Node.Id, Blocked) ? Blocked : ActivityResult.Done;
        return ActivityResult.Leave(outcome, SkippedPrefix + result.BlockedReason);
    }
}
