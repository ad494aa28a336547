namespace Dnd.Host.Api.Erasure;

/// <summary>How many rows of each kind lost personal data.</summary>
public sealed record ErasureCounts(int LedgerLines, int Messages, int Reviews, int WorkflowInstances, int ScopedIds, int WebhookDeliveries,
    int SuppressionRemovals, int ImportIssues);
