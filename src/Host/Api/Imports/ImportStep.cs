namespace Dnd.Host.Api.Imports;

/// <summary>What one batch of an import's apply did, and where the next one starts.</summary>
/// <param name="NextRow">The row the next batch starts at (1-based, header not counted).</param>
/// <param name="Done">No row is left.</param>
/// <param name="Rows">Rows this batch went through (rows an earlier run already applied are not counted).</param>
public sealed record ImportStep(int NextRow, bool Done, int Rows, int Created, int Updated, int Unchanged, int Refused, int Skipped);
