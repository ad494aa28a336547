namespace Dnd.Crm.Users;

/// <summary>What a signed-in person may do.</summary>
public static class OperatorRoles
{
    /// <summary>Sees and manages every account, switching between them.</summary>
    public const string AgencyAdmin = "agency_admin";

    /// <summary>Manages one account, its settings included.</summary>
    public const string AccountAdmin = "account_admin";

    /// <summary>Works with one account's contacts, messages and reviews.</summary>
    public const string AccountUser = "account_user";

    public static readonly IReadOnlyList<string> All = [AgencyAdmin, AccountAdmin, AccountUser];
}
