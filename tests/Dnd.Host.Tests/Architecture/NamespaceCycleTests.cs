using System.Reflection;

namespace Dnd.Host.Tests.Architecture;

/// <summary>The folder layout is the architecture: within a project, namespaces depend on each other one way only.</summary>
public class NamespaceCycleTests
{
    public static TheoryData<string> Projects => new() { "Dnd.Shared", "Dnd.Rules", "Dnd.Crm", "Dnd.Workflows", "Dnd.Activities", "Dnd.Host" };

    [Theory]
    [MemberData(nameof(Projects))]
    public void No_namespaces_depend_on_each_other_in_a_circle(string project)
    {
        var assembly = Assembly.Load(project);
        var graph = NamespaceGraph.Of(assembly);

        var cycles = graph.Cycles().Select(group => string.Join(" ⇄ ", group) + ": " + string.Join("; ",
            group.SelectMany(from => graph.Edges[from].Where(group.Contains)
                .Select(to => $"{from} → {to} ({string.Join(", ", NamespaceGraph.Users(assembly, from, to).Select(t => t.Split('.').Last()))})"))));

        cycles.Should().BeEmpty();
    }

    [Fact]
    public void The_graph_reads_real_dependencies_and_finds_every_cycle()
    {
        var rules = NamespaceGraph.Of(Assembly.Load("Dnd.Rules"));
        rules.Edges["Dnd.Rules.Engine"].Should().Contain("Dnd.Rules.Facts");
        rules.Edges["Dnd.Rules.Consent"].Should().NotContain("Dnd.Rules.Engine");

        var made = new NamespaceGraph(new Dictionary<string, IReadOnlyList<string>>
        {
            ["a"] = ["b"], ["b"] = ["c"], ["c"] = ["a", "d"], ["d"] = [], ["e"] = ["e2"], ["e2"] = ["e"],
        });

        made.Cycles().Should().BeEquivalentTo(new[] { new[] { "a", "b", "c" }, new[] { "e", "e2" } });
    }
}
