using Dnd.Crm.Integrations;
using Dnd.Crm.Templates;

namespace Dnd.Crm.Consent;

/// <summary>An account as the sender of its messages: its compliance texts, itself as they name it, the providers that carry them, and when it may send.</summary>
public sealed record Sender(ComplianceSettings Texts, AccountModel Account, AccountIntegrations? Integrations = null)
{
    /// <summary>The account's integrations; none (sends queue as they always did) for a sender made without them.</summary>
    public AccountIntegrations Integrations { get; init; } = Integrations ?? AccountIntegrations.None;

    /// <summary>The account's sending window; null for the server's default.</summary>
    public SendingWindow? Window { get; init; }

    /// <summary>The account's time zone: a recipient's when neither the contact nor its number says one.</summary>
    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>An account that has set nothing, named by its id (tests, tools).</summary>
    public static Sender Default(string accountName) => new(ComplianceSettings.Default, new AccountModel(accountName, accountName, ""));
}
