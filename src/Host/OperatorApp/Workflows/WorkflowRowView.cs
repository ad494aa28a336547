using Dnd.Host.Api.Workflows;

namespace Dnd.Host.OperatorApp.Workflows;

/// <summary>One of the account's workflows as the Workflows screen shows it: its state and its instances' counts.</summary>
public sealed record WorkflowRowView(WorkflowSummaryDto Workflow, InstanceCounts Counts)
{
    /// <summary>An unpublished workflow reads "Paused": it takes no new contacts, while those already in it go on.</summary>
    public string StatusLabel => Workflow.Status switch
    {
        WorkflowSummaryDto.Draft => "Draft",
        WorkflowSummaryDto.Published => "Published",
        WorkflowSummaryDto.Unpublished => "Paused",
        var other => other,
    };

    /// <summary>What the status means for contacts, for the label's tooltip and screen readers.</summary>
    public string StatusMeaning => Workflow.Status switch
    {
        WorkflowSummaryDto.Draft => "Never published: no contact runs it yet.",
        WorkflowSummaryDto.Published => "Takes new contacts.",
        WorkflowSummaryDto.Unpublished => "Takes no new contacts; contacts already in it go on with their version.",
        _ => "",
    };

    /// <summary>The designer, opened with this person's session on this workflow.</summary>
    public string DesignerHref(string accountId) => DesignerLink.For(accountId, Workflow.Id);
}
