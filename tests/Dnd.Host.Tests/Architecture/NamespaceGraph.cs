using System.Reflection;
using System.Text.RegularExpressions;
using NetArchTest.Rules;

namespace Dnd.Host.Tests.Architecture;

/// <summary>Which namespaces of an assembly use which (NetArchTest reads the IL), and the cycles among them.</summary>
public sealed class NamespaceGraph
{
    public NamespaceGraph(IReadOnlyDictionary<string, IReadOnlyList<string>> edges) => Edges = edges;

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Edges { get; }

    public static NamespaceGraph Of(Assembly assembly)
    {
        var namespaces = assembly.GetTypes().Select(t => t.Namespace).OfType<string>()
            .Where(n => n.StartsWith("Dnd.", StringComparison.Ordinal)).Distinct().Order().ToList();
        var edges = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var from in namespaces)
        {
            edges[from] = namespaces.Where(to => to != from && !IsPrefix(to, from) && Uses(assembly, from, to)).ToList();
        }
        return new NamespaceGraph(edges);
    }

    /// <summary>Each strongly connected group of more than one namespace: every such group holds a cycle.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var groups = new List<IReadOnlyList<string>>();
        void Visit(string n)
        {
            index[n] = low[n] = index.Count;
            stack.Push(n);
            onStack.Add(n);
            foreach (var m in Edges[n])
            {
                if (!index.ContainsKey(m))
                {
                    Visit(m);
                    low[n] = Math.Min(low[n], low[m]);
                }
                else if (onStack.Contains(m))
                {
                    low[n] = Math.Min(low[n], index[m]);
                }
            }
            if (low[n] == index[n])
            {
                var group = new List<string>();
                string popped;
                do
                {
                    popped = stack.Pop();
                    onStack.Remove(popped);
                    group.Add(popped);
                }
                while (popped != n);
                if (group.Count > 1)
                {
                    groups.Add(group.Order().ToList());
                }
            }
        }
        foreach (var n in Edges.Keys.Where(n => !index.ContainsKey(n)))
        {
            Visit(n);
        }
        return groups;
    }

    /// <summary>Types directly in <paramref name="from"/> (not its sub-namespaces) that use anything in <paramref name="to"/>.</summary>
    public static IReadOnlyList<string> Users(Assembly assembly, string from, string to) =>
        Types.InAssembly(assembly).That().ResideInNamespaceMatching($"^{Regex.Escape(from)}$")
            .ShouldNot().HaveDependencyOn(to).GetResult().FailingTypeNames?.ToList() ?? [];

    private static bool Uses(Assembly assembly, string from, string to) => Users(assembly, from, to).Count > 0;

    // A namespace's parent is not a dependency it chose: C# resolves names through enclosing namespaces.
    private static bool IsPrefix(string parent, string child) => child.StartsWith(parent + ".", StringComparison.Ordinal);
}
