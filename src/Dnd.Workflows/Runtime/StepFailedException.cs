using Dnd.Workflows.Activities;
using Dnd.Workflows.Model;

namespace Dnd.Workflows.Runtime;

/// <summary>An activity threw; carries which one so the instance can be faulted after the step is rolled back.</summary>
/// <param name="revision">
/// The instance's revision the failed step started from: the failure is recorded only on that revision, so two
/// runners that both failed the same step count one failed attempt, not two.
/// </param>
/// <param name="retryable">False for a failure no retry can cure (the step budget): an incident at once.</param>
/// <param name="resumed">What the failed step was resumed with; null when it failed in its start.</param>
internal sealed class StepFailedException(ActivityNode node, string message, long revision, bool retryable = true, ResumeInput? resumed = null)
    : Exception(message)
{
    public ActivityNode Node { get; } = node;

    public long Revision { get; } = revision;

    public bool Retryable { get; } = retryable;

    public ResumeInput? Resumed { get; } = resumed;
}
