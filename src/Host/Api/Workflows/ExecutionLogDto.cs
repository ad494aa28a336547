using Dnd.Workflows.Persistence;

namespace Dnd.Host.Api.Workflows;

/// <summary>One executed step: the outcome taken and a note such as "skipped: SMS DND ...".</summary>
public sealed record ExecutionLogDto(long Id, string InstanceId, int Step, string ActivityId, string ActivityType, string Outcome, string? Note,
    DateTimeOffset At)
{
    public static ExecutionLogDto From(ExecutionLogRecord l) => new(l.Id, l.InstanceId, l.Step, l.ActivityId, l.ActivityType, l.Outcome, l.Note, l.At);
}
