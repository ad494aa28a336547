using Dnd.Workflows.Activities;

namespace Dnd.Activities;

public static class DndActivities
{
    /// <summary>The activities of this project, for code that runs without the DI container (tests, tools).</summary>
    public static ActivityRegistry Registry { get; } =
        new(ActivityRegistry.Discover(typeof(DndActivities).Assembly).Select(t => (IActivity)Activator.CreateInstance(t)!), new ScribanTemplateSyntax());
}
