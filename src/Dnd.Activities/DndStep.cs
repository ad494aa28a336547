using Dnd.Activities.Persistence;
using Dnd.Crm.Consent;
using Dnd.Crm.Persistence;
using Dnd.Rules.Engine;
using Dnd.Rules.Events;
using Dnd.Workflows.Activities;

namespace Dnd.Activities;

/// <summary>What a DND activity's step sees of the CRM: the engine hands it the write and contact it was given for the step.</summary>
public static class DndStep
{
    /// <summary>The step's write on the CRM's rows.</summary>
    public static DndWrite Crm(this ActivityContext context) => (DndWrite)context.Write;

    public static ContactRecord ContactRecord(this ActivityContext context) => (ContactRecord)context.Contact;

    /// <summary>The step as a ledger line names its actor: the workflow, its version, the step and the instance.</summary>
    public static string Describe(ActivityContext context) =>
        $"workflow {context.Definition.Id} v{context.Definition.Version} step {context.Node.Id} (instance {context.Instance.Id})";

    /// <summary>
    /// Applies a consent event to the contact in the step's own write (never a write of its own: on SQLite the step
    /// holds the database's one writer, which that write would wait for).
    /// </summary>
    public static async Task<ConsentDecision> ApplyConsentAsync(this ActivityContext context, ConsentEvent evt) =>
        await context.Crm().Consent.ApplyAsync(context.ContactRecord(), evt,
            await context.Service<AccountSettingsStore>().SettingsAsync(context.Instance.AccountId));
}
