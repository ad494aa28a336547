namespace Dnd.Crm.Suppressions;

public static class SuppressionRemovalStatus
{
    public const string Pending = "pending";
    public const string Done = "done";

    /// <summary>Given up after <see cref="SuppressionRemover.GiveUpAfter"/> of refusals; audited, so staff can remove it by hand.</summary>
    public const string Failed = "failed";
}
