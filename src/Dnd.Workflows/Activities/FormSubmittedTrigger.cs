using Dnd.Rules.Events;
using Dnd.Workflows.Model;
using Dnd.Workflows.Runtime;

namespace Dnd.Workflows.Activities;

/// <summary>
/// Starts a workflow when a form is submitted and, when asked to, re-subscribes the contact through the override
/// rules: explicit consent lifts an unsubscribe, never a spam lock or a keyword opt-out.
/// </summary>
public sealed class FormSubmittedTrigger : IActivity
{
    public const string TypeName = "FormSubmittedTrigger";

    public ActivityDescriptor Descriptor { get; } = new(TypeName, "Form submitted", "Triggers",
        "Starts when a form is submitted; re-subscribes the contact when they ticked the consent box.", true,
        [ActivityResult.Done],
        [
            new PropertyDescriptor("formId", "text", false, "Only this form; empty for any form."),
            new PropertyDescriptor("resubscribe", "boolean", false, "Apply the submission's consent through the override rules.", true),
        ]);

    public static bool Matches(ActivityNode node, FormSubmittedPayload form)
    {
        var formId = node.Text("formId");
        return string.IsNullOrEmpty(formId) || formId == form.FormId;
    }

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var form = context.Input<FormSubmittedPayload>();
        if (form is null || !context.Flag("resubscribe", true))
        {
            return ActivityResult.Leave(ActivityResult.Done, form is null ? "started without a form submission" : "re-subscribe is off");
        }
        var decision = await context.ApplyConsentAsync(new FormSubmissionEvent(form.FormId, form.ExplicitConsent));
        return ActivityResult.Leave(ActivityResult.Done, decision.Explanation);
    }
}
