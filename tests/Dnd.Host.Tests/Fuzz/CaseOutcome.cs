namespace Dnd.Host.Tests.Fuzz;

/// <summary>What came back from one request, and what it did to the database.</summary>
/// <param name="Status">0 when no response arrived (the client or the in-process server threw).</param>
/// <param name="ChangedTables">Tables whose rows differ after the request.</param>
public sealed record CaseOutcome(
    int Status,
    string? ContentType,
    byte[] Body,
    Exception? Thrown,
    IReadOnlyList<(string Category, Exception Exception)> ServerErrors,
    IReadOnlyList<string> ChangedTables)
{
    /// <summary>The Location header of a 201, which names the created row's URL.</summary>
    public string? Location { get; init; }
}
