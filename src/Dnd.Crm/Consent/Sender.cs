using Dnd.Crm.Templates;

namespace Dnd.Crm.Consent;

/// <summary>An account as the sender of its messages: its compliance texts, and itself as they name it.</summary>
public sealed record Sender(ComplianceSettings Texts, AccountModel Account)
{
    /// <summary>An account that has set nothing, named by its id (tests, tools).</summary>
    public static Sender Default(string accountName) => new(ComplianceSettings.Default, new AccountModel(accountName, accountName, ""));
}
