using Dnd.Crm.Persistence;

namespace Dnd.Crm.Jobs;

/// <summary>An item a step refused or failed, as the runner stores it (<see cref="JobItemRecord"/>).</summary>
public sealed record JobProblem(string Reference, JobItemOutcome Outcome, string Message, string? Column = null);
