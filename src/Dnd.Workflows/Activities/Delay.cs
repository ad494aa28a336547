namespace Dnd.Workflows.Activities;

/// <summary>Waits for a duration; the timer is a stored bookmark, so it survives restarts.</summary>
public sealed class Delay : IActivity
{
    public const string TypeName = "Delay";

    public ActivityDescriptor Descriptor { get; } = new(TypeName, "Wait", "Flow",
        "Waits for a duration before continuing.", false,
        [ActivityResult.Done],
        [new PropertyDescriptor("duration", "duration", true, "hh:mm:ss, d.hh:mm:ss or seconds.", "00:05:00")]);

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.Node.TryDuration("duration", out var duration);
        var due = context.Now + duration;
        return ValueTask.FromResult(ActivityResult.Suspend(new BookmarkRequest(BookmarkRequest.Timer, due), $"waiting until {due:u}"));
    }
}
