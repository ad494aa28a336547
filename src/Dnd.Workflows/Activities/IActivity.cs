namespace Dnd.Workflows.Activities;

public interface IActivity
{
    ActivityDescriptor Descriptor { get; }

    ValueTask<ActivityResult> ExecuteAsync(ActivityContext context);

    /// <summary>Called when this activity's bookmark fires; only activities that suspend override it.</summary>
    ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeInput input) =>
        ValueTask.FromResult(ActivityResult.Leave(ActivityResult.Done));
}
