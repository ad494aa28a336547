using Dnd.Rules.Consent;
using Dnd.Rules.Events;
using Dnd.Workflows.Activities;

namespace Dnd.Activities;

/// <summary>Turns DND on or off for one channel or all, as the workflow's owner would; permanent DND stays.</summary>
[Activity("DND", "Set DND", "Turns DND on or off. Turning it off never lifts permanent DND or a spam lock.")]
public sealed class SetDnd : IActivity
{
    public const string TypeName = nameof(SetDnd);

    [Input("A channel, or \"all\".", DefaultValue = InputTypes.AllChannels, Required = true)]
    public Input<Channel?> Channel { get; } = new();

    [Input("On (true) or off (false).", DefaultValue = true, Required = true)]
    public Input<bool> Enabled { get; } = new();

    [Input("Note stored with the DND.")]
    public Input<string> Message { get; } = new();

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var change = new UserDndChange(context.Get(Channel), context.Get(Enabled), context.Definition.Id, context.Get(Message), ByWorkflow: true)
        {
            ActedBy = DndStep.Describe(context),
        };
        var decision = await context.ApplyConsentAsync(change);
        return ActivityResult.Leave(ActivityResult.Done, decision.Explanation);
    }
}
