using System.Text.Json;
using Dnd.Shared.Ids;
using Dnd.Workflows.Activities;
using Dnd.Workflows.Model;
using Dnd.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Workflows.Runtime;

/// <summary>
/// What happens after a step threw (its writes already undone): another try on a durable timer while the activity's
/// <see cref="RetryPolicy"/> allows one, else an incident (Faulted with the activity, the error, the attempts and the
/// time), which <see cref="ResumeIncidentAsync"/> runs again on request.
/// </summary>
public sealed partial class WorkflowRuntime
{
    /// <summary>The log outcome of a failed try that will be tried again.</summary>
    public const string Retrying = "Retrying";

    /// <summary>The log outcome of an incident resumed on request.</summary>
    public const string Resumed = "Resumed";

    /// <summary>
    /// Records a failed step in a write of its own: a "retry" bookmark due after the policy's backoff (claimed by the
    /// worker like any timer, so it survives restarts and runs once), or an incident when no try is left.
    /// </summary>
    private async Task RecordFailureAsync(string accountId, string instanceId, StepFailedException failed, CancellationToken ct)
    {
        try
        {
            await WriteAsync(accountId, async (write, _) =>
            {
                var rows = write.Workflows;
                var instance = await rows.FindInstanceAsync(instanceId, ct);
                // Another runner recorded this failure (or moved the instance on, or it was cancelled) first.
                if (instance is null || instance.Revision != failed.Revision || instance.Status is not (WorkflowStatus.Running or WorkflowStatus.Suspended))
                {
                    return false;
                }
                var node = failed.Node;
                var attempt = instance.Attempts + 1;
                var policy = failed.Retryable ? registry.RetryOf(node.Type) : RetryPolicy.None;
                var now = clock.GetUtcNow();
                // The bookmark the failed step was resumed from, when it was one, stands again after the undo.
                await rows.DeleteBookmarksOfAsync([instanceId], ct);
                string outcome, note;
                if (policy.DelayAfter(attempt) is { } delay)
                {
                    var due = now + delay;
                    instance.Status = WorkflowStatus.Suspended;
                    rows.Add(new BookmarkRecord
                    {
                        Id = RowIds.New(), InstanceId = instanceId, AccountId = instance.AccountId, ContactId = instance.ContactId,
                        ActivityId = node.Id, Kind = BookmarkRequest.Retry, DueAt = due, CreatedAt = now,
                    });
                    outcome = Retrying;
                    note = $"attempt {attempt} of {policy.MaxAttempts} failed: {failed.Message}; next attempt at {due:u}";
                }
                else
                {
                    MarkIncident(instance, node.Id, failed.Message, now);
                    outcome = nameof(WorkflowStatus.Faulted);
                    note = failed.Message;
                }
                instance.Attempts = attempt;
                instance.ResumeJson = failed.Resumed is { } resumed ? JsonSerializer.Serialize(resumed, WorkflowJson.Options) : null;
                instance.StepCount++;
                instance.Revision++;
                instance.UpdatedAt = now;
                rows.Add(new ExecutionLogRecord
                {
                    InstanceId = instanceId, Step = instance.StepCount, ActivityId = node.Id, ActivityType = node.Type, Outcome = outcome,
                    Note = note, Attempt = attempt, At = now,
                });
                rows.Changed(instance);
                return true;
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else moved the instance on; their state stands.
        }
    }

    private static void MarkIncident(WorkflowInstanceRecord instance, string? activityId, string reason, DateTimeOffset now)
    {
        instance.Status = WorkflowStatus.Faulted;
        instance.Fault = reason;
        instance.FaultActivityId = activityId;
        instance.FaultedAt = now;
    }

    /// <summary>
    /// Runs a Faulted instance's failed activity again, with its attempts reset (its retry policy applies afresh), and
    /// on as far as it goes; the incident's fields are cleared and the log keeps the incident and the resume.
    /// </summary>
    /// <returns>NotFound also for another account's instance, so ids of other tenants are not confirmed.</returns>
    public async Task<IncidentResume> ResumeIncidentAsync(string accountId, string instanceId, CancellationToken ct = default)
    {
        IncidentResume resumed;
        try
        {
            resumed = await WriteAsync(accountId, async (write, _) =>
            {
                var rows = write.Workflows;
                var instance = await rows.FindInstanceAsync(instanceId, ct);
                if (instance is null || instance.AccountId != accountId)
                {
                    return IncidentResume.NotFound;
                }
                if (instance.Status != WorkflowStatus.Faulted || instance.CurrentActivityId is null)
                {
                    return IncidentResume.NotFaulted;
                }
                var definition = await definitions.GetForInstanceAsync(instance.AccountId, instance.DefinitionId, instance.DefinitionVersion, ct);
                var now = clock.GetUtcNow();
                var at = instance.FaultActivityId ?? instance.CurrentActivityId;
                instance.Status = WorkflowStatus.Running;
                instance.Attempts = 0;
                instance.Fault = null;
                instance.FaultActivityId = null;
                instance.FaultedAt = null;
                instance.StepCount++;
                instance.Revision++;
                instance.UpdatedAt = now;
                rows.Add(new ExecutionLogRecord
                {
                    InstanceId = instanceId, Step = instance.StepCount, ActivityId = instance.CurrentActivityId,
                    ActivityType = definition?.Activities.FirstOrDefault(a => a.Id == instance.CurrentActivityId)?.Type ?? "",
                    Outcome = Resumed, Note = $"incident at {at} resumed", Attempt = 0, At = now,
                });
                rows.Changed(instance);
                return IncidentResume.Resumed;
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another resume (or runner) changed it first: this one did nothing.
            return IncidentResume.NotFaulted;
        }
        if (resumed == IncidentResume.Resumed)
        {
            await RunAsync(accountId, instanceId, ct);
        }
        return resumed;
    }
}
