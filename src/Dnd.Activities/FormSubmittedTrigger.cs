using System.Text.Json;
using Dnd.Rules.Events;
using Dnd.Workflows.Activities;
using Dnd.Workflows.Model;
using Dnd.Activities.Triggers;

namespace Dnd.Activities;

/// <summary>
/// Starts a workflow when a form is submitted and, when asked to, re-subscribes the contact through the override
/// rules: explicit consent lifts an unsubscribe, never a spam lock or a keyword opt-out.
/// </summary>
[Activity("Triggers", "Form submitted", "Starts when a form is submitted; re-subscribes the contact when they ticked the consent box.",
    Kind = ActivityKind.Trigger)]
public sealed class FormSubmittedTrigger : IActivity, ITriggerActivity
{
    public const string TypeName = nameof(FormSubmittedTrigger);

    /// <summary>The pending triggers it starts from (the form API stages them).</summary>
    public const string Kind = "FormSubmitted";

    [Input("Only this form; empty for any form.")]
    public Input<string> FormId { get; } = new();

    [Input("Apply the submission's consent through the override rules.", DefaultValue = true)]
    public Input<bool> Resubscribe { get; } = new();

    public string TriggerKind => Kind;

    public object? ReadPayload(string payloadJson) => JsonSerializer.Deserialize<FormSubmittedPayload>(payloadJson);

    public bool Matches(ActivityNode node, object payload) =>
        FormId.Read(node) is not { Length: > 0 } formId || formId == ((FormSubmittedPayload)payload).FormId;

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var form = context.Input<FormSubmittedPayload>();
        if (form is null || !context.Get(Resubscribe))
        {
            return ActivityResult.Leave(ActivityResult.Done, form is null ? "started without a form submission" : "re-subscribe is off");
        }
        var decision = await context.ApplyConsentAsync(new FormSubmissionEvent(form.FormId, form.ExplicitConsent)
        {
            ActedBy = $"contact, form {form.FormId} submission; {DndStep.Describe(context)}", ClientIp = form.ClientIp,
        });
        return ActivityResult.Leave(ActivityResult.Done, decision.Explanation);
    }
}
