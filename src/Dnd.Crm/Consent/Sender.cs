using Dnd.Crm.Integrations;
using Dnd.Crm.Templates;

namespace Dnd.Crm.Consent;

/// <summary>An account as the sender of its messages: its compliance texts, itself as they name it, and the providers that carry them.</summary>
public sealed record Sender(ComplianceSettings Texts, AccountModel Account, AccountIntegrations? Integrations = null)
{
    /// <summary>The account's integrations; none (sends queue as they always did) for a sender made without them.</summary>
    public AccountIntegrations Integrations { get; init; } = Integrations ?? AccountIntegrations.None;

    /// <summary>An account that has set nothing, named by its id (tests, tools).</summary>
    public static Sender Default(string accountName) => new(ComplianceSettings.Default, new AccountModel(accountName, accountName, ""));
}
