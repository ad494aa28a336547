namespace Dnd.Crm.Persistence;

public static class ImportIssueKinds
{
    /// <summary>The row cannot be applied as it is.</summary>
    public const string Error = "error";

    /// <summary>Worth knowing, not wrong: a duplicate address merged into one contact.</summary>
    public const string Note = "note";

    /// <summary>Applied, but the rules refused one of its DND changes (the reason is the rule's).</summary>
    public const string Refused = "refused";
}
