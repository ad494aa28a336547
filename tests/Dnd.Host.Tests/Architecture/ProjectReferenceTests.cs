using System.Reflection;

namespace Dnd.Host.Tests.Architecture;

/// <summary>Projects depend one way: Rules ← Workflows (engine and CRM today) ← Activities ← Host; the engine never on the activities.</summary>
public class ProjectReferenceTests
{
    private static IEnumerable<string> DndReferences(string project) =>
        Assembly.Load(project).GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Dnd.", StringComparison.Ordinal)).Order();

    [Theory]
    [InlineData("Dnd.Rules", new string[0])]
    [InlineData("Dnd.Workflows", new[] { "Dnd.Rules" })]
    [InlineData("Dnd.Activities", new[] { "Dnd.Rules", "Dnd.Workflows" })]
    public void A_project_references_only_the_layers_below_it(string project, string[] allowed)
    {
        DndReferences(project).Should().BeSubsetOf(allowed);
    }

    [Fact]
    public void The_engine_knows_no_concrete_activity()
    {
        // Triggers reach the engine through ITriggerActivity, loops through IHoldsContact: it names no activity class.
        DndReferences("Dnd.Workflows").Should().NotContain("Dnd.Activities");
        typeof(Dnd.Workflows.Activities.IActivity).Assembly.GetTypes()
            .Where(t => typeof(Dnd.Workflows.Activities.IActivity).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
            .Should().BeEmpty("concrete activities live in Dnd.Activities");
    }
}
