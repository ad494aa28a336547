namespace Dnd.Crm.Integrations;

/// <summary>
/// The account cache as integrations see it (Dnd.Crm.Consent.AccountCache): the account's integrations read once per
/// load, and dropped when one changes.
/// </summary>
public interface IIntegrationCache
{
    /// <param name="scope">Gives the DbContext, taken only on a miss.</param>
    /// <returns>Null when there is no such account.</returns>
    ValueTask<AccountIntegrations?> IntegrationsAsync(IServiceProvider scope, string accountId, CancellationToken ct);

    void Invalidate(string accountId);
}
