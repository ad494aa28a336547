namespace Dnd.Workflows.Activities;

/// <summary>
/// A step a workflow can run. Declared with [Activity], [FlowNode] and [Input] on <see cref="Input{T}"/> properties;
/// one instance serves every node of its type, so it keeps no state of its own.
/// </summary>
public interface IActivity
{
    ValueTask<ActivityResult> ExecuteAsync(ActivityContext context);

    /// <summary>Called when this activity's bookmark fires; only activities that suspend override it.</summary>
    ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeInput input) =>
        ValueTask.FromResult(ActivityResult.Leave(ActivityResult.Done));
}
