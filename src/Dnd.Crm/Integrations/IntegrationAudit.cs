using Dnd.Crm.Persistence;
using Dnd.Shared.Ids;

namespace Dnd.Crm.Integrations;

/// <summary>An audited integration event, as every writer of one records it.</summary>
public static class IntegrationAudit
{
    public static IntegrationEventRecord Event(string accountId, string provider, string action, string actedBy, DateTimeOffset at, string detail) => new()
    {
        Id = RowIds.New(), AccountId = accountId, Provider = provider, Action = action, ActedBy = actedBy, At = at, Detail = detail,
    };
}
