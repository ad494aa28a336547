using Dnd.Workflows.Activities;
using Dnd.Workflows.Model;

namespace Dnd.Activities;

/// <summary>Waits for a duration; the timer is a stored bookmark, so it survives restarts.</summary>
[Activity("Flow", "Wait", "Waits for a duration before continuing.")]
public sealed class Delay : IActivity, IHoldsContact
{
    public const string TypeName = nameof(Delay);

    [Input("hh:mm:ss, d.hh:mm:ss or seconds.", DefaultValue = "00:05:00", Required = true)]
    public Input<TimeSpan> Duration { get; } = new();

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var due = context.Now + context.Get(Duration);
        return ValueTask.FromResult(ActivityResult.Suspend(new BookmarkRequest(BookmarkRequest.Timer, due), $"waiting until {due:u}"));
    }

    public TimeSpan HoldsAtLeast(ActivityNode node) => Duration.Read(node);
}
