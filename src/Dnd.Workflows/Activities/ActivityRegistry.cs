using System.Reflection;

namespace Dnd.Workflows.Activities;

/// <summary>Every activity type the runtime can run, by type name, with the descriptor generated from its declaration.</summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, (IActivity Activity, ActivityDescriptor Descriptor)> _activities;
    private readonly Dictionary<string, RetryPolicy> _retries;

    /// <param name="templates">The language of template inputs, checked at publish; none, and they are not checked.</param>
    public ActivityRegistry(IEnumerable<IActivity> activities, ITemplateSyntax? templates = null)
    {
        Templates = templates;
        _activities = activities.Select(a => (a, ActivityDescriber.Describe(a))).ToDictionary(e => e.Item2.Type, StringComparer.Ordinal);
        // Read once here: a malformed [Retry] stops the start, not the first step that fails.
        _retries = _activities.ToDictionary(e => e.Key, e => e.Value.Activity.GetType().GetCustomAttribute<RetryAttribute>()?.Policy ?? RetryPolicy.None,
            StringComparer.Ordinal);
    }

    public ITemplateSyntax? Templates { get; }

    public IEnumerable<ActivityDescriptor> Descriptors => _activities.Values.Select(a => a.Descriptor);

    public bool TryGet(string type, out IActivity activity)
    {
        var found = _activities.TryGetValue(type, out var entry);
        activity = entry.Activity;
        return found;
    }

    public bool TryDescribe(string type, out ActivityDescriptor descriptor)
    {
        var found = _activities.TryGetValue(type, out var entry);
        descriptor = entry.Descriptor;
        return found;
    }

    public IActivity Get(string type) => _activities[type].Activity;

    /// <summary>The activity's [Retry] policy; <see cref="RetryPolicy.None"/> without one (or for a type no longer registered).</summary>
    public RetryPolicy RetryOf(string type) => _retries.GetValueOrDefault(type, RetryPolicy.None);

    /// <summary>The activity classes of an assembly: those declared with [Activity].</summary>
    public static IEnumerable<Type> Discover(Assembly assembly) =>
        assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IActivity).IsAssignableFrom(t) && t.GetCustomAttribute<ActivityAttribute>() is not null);
}
