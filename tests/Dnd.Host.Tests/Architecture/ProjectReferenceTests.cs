using System.Reflection;
using NetArchTest.Rules;

namespace Dnd.Host.Tests.Architecture;

/// <summary>
/// Projects depend one way: Shared and Rules at the bottom; the CRM and the workflow engine each on those alone, never
/// on each other; Activities where the two meet; Host composing it all.
/// </summary>
public class ProjectReferenceTests
{
    private static IEnumerable<string> DndReferences(string project) =>
        Assembly.Load(project).GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Dnd.", StringComparison.Ordinal)).Order();

    [Theory]
    [InlineData("Dnd.Shared", new string[0])]
    [InlineData("Dnd.Rules", new string[0])]
    [InlineData("Dnd.Crm", new[] { "Dnd.Rules", "Dnd.Shared" })]
    [InlineData("Dnd.Workflows", new[] { "Dnd.Rules", "Dnd.Shared" })]
    [InlineData("Dnd.Activities", new[] { "Dnd.Crm", "Dnd.Rules", "Dnd.Shared", "Dnd.Workflows" })]
    public void A_project_references_only_the_layers_below_it(string project, string[] allowed)
    {
        DndReferences(project).Should().BeSubsetOf(allowed);
    }

    [Theory]
    [InlineData("Dnd.Workflows", "Dnd.Crm")]
    [InlineData("Dnd.Workflows", "Dnd.Activities")]
    [InlineData("Dnd.Crm", "Dnd.Workflows")]
    [InlineData("Dnd.Crm", "Dnd.Activities")]
    public void No_type_of_one_side_names_the_other(string project, string forbidden)
    {
        // Types, not just the assembly's references: a dependency through reflection or a copied type name shows here too.
        var result = Types.InAssembly(Assembly.Load(project)).ShouldNot().HaveDependencyOn(forbidden).GetResult();

        (result.FailingTypeNames ?? []).Should().BeEmpty();
    }

    [Fact]
    public void The_engine_knows_no_concrete_activity()
    {
        // Triggers reach the engine through ITriggerActivity, loops through IHoldsContact: it names no activity class.
        typeof(Dnd.Workflows.Activities.IActivity).Assembly.GetTypes()
            .Where(t => typeof(Dnd.Workflows.Activities.IActivity).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
            .Should().BeEmpty("concrete activities live in Dnd.Activities");
    }
}
