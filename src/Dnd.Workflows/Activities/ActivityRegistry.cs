namespace Dnd.Workflows.Activities;

/// <summary>Every activity type the runtime can run, by type name.</summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, IActivity> _activities;

    public ActivityRegistry(IEnumerable<IActivity> activities) =>
        _activities = activities.ToDictionary(a => a.Descriptor.Type, StringComparer.Ordinal);

    public static ActivityRegistry Default { get; } = new(
    [
        new DndChangedTrigger(), new FormSubmittedTrigger(), new SetDnd(), new Send(),
        new Delay(), new WaitForReply(), new RemoveFromAllWorkflows(),
    ]);

    public IEnumerable<ActivityDescriptor> Descriptors => _activities.Values.Select(a => a.Descriptor);

    public bool TryGet(string type, out IActivity activity) => _activities.TryGetValue(type, out activity!);

    public IActivity Get(string type) => _activities[type];
}
