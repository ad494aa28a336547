using Dnd.Rules.Consent;
using Dnd.Rules.Events;

namespace Dnd.Workflows.Activities;

/// <summary>Turns DND on or off for one channel or all, as the workflow's owner would; permanent DND stays.</summary>
public sealed class SetDnd : IActivity
{
    public const string TypeName = "SetDnd";

    public ActivityDescriptor Descriptor { get; } = new(TypeName, "Set DND", "DND",
        "Turns DND on or off. Turning it off never lifts permanent DND or a spam lock.", false,
        [ActivityResult.Done],
        [
            new PropertyDescriptor("channel", "channelOrAll", true, "A channel, or \"all\".", "all"),
            new PropertyDescriptor("enabled", "boolean", true, "On (true) or off (false).", true),
            new PropertyDescriptor("message", "text", false, "Note stored with the DND."),
        ]);

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var channelText = context.Text("channel") ?? "all";
        Channel? channel = channelText.Equals("all", StringComparison.OrdinalIgnoreCase) ? null : ChannelNames.Parse(channelText);
        var change = new UserDndChange(channel, context.Flag("enabled", true), context.Definition.Id, context.Text("message"), ByWorkflow: true);
        var decision = await context.ApplyConsentAsync(change);
        return ActivityResult.Leave(ActivityResult.Done, decision.Explanation);
    }
}
