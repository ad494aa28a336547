namespace Dnd.Host.Api.Erasure;

/// <summary>How many rows of each kind lost personal data.</summary>
/// <param name="ImportRows">Rows blanked in the files of imports not applied yet.</param>
/// <param name="Traces">Integration audit lines, job problems, idempotency keys and smart lists that quoted an address.</param>
public sealed record ErasureCounts(int LedgerLines, int Messages, int Reviews, int WorkflowInstances, int ScopedIds, int WebhookDeliveries,
    int SuppressionRemovals, int ImportIssues, int ImportRows, int Traces);
