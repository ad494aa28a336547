using Dnd.Crm.Persistence;

namespace Dnd.Host.Api.Jobs;

/// <summary>An item the job refused or could not do, and why.</summary>
/// <param name="Reference">The item: a contact id, "row 12".</param>
/// <param name="Column">The part of it at fault (a channel, a CSV column), when there is one.</param>
/// <param name="Outcome">refused (the rules said no) or failed (not done: e.g. the contact was deleted).</param>
public sealed record JobProblemDto(string Reference, string? Column, string Outcome, string Message)
{
    public static JobProblemDto From(JobItemRecord item) => new(item.Reference, item.Column, item.Outcome.ToString().ToLowerInvariant(), item.Message);
}
