using Dnd.Workflows.Persistence;

namespace Dnd.Host.Api.Workflows;

/// <summary>One executed step: the outcome taken and a note such as "skipped: SMS DND ...".</summary>
/// <param name="Attempt">Which try of the activity the line records: 1 for a first run, 2 for the first retry; 0 for a line no run made.</param>
public sealed record ExecutionLogDto(long Id, string InstanceId, int Step, string ActivityId, string ActivityType, string Outcome, string? Note,
    DateTimeOffset At, int Attempt)
{
    public static ExecutionLogDto From(ExecutionLogRecord l) =>
        new(l.Id, l.InstanceId, l.Step, l.ActivityId, l.ActivityType, l.Outcome, l.Note, l.At, l.Attempt);
}
