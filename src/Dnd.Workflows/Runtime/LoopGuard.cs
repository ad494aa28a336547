using Dnd.Workflows.Activities;
using Dnd.Workflows.Model;

namespace Dnd.Workflows.Runtime;

/// <summary>
/// Refuses loops a contact could go round without waiting a minimum time: such a loop would message the contact
/// without bound. Activities that wait long enough are taken out of the graph; any cycle left is an error.
/// </summary>
public static class LoopGuard
{
    /// <summary>One error per group of activities that can loop without waiting, each shown as a walk round all of them.</summary>
    /// <remarks>Assumes connections name existing activities and activity ids are unique.</remarks>
    public static IReadOnlyList<string> Check(WorkflowDefinition d, TimeSpan minimumWait, ActivityRegistry registry)
    {
        var spinning = d.Activities.Where(a => !Waits(a, minimumWait, registry)).Select(a => a.Id).ToList();
        return Cycles(spinning, d.Connections.Select(c => (c.Source, c.Target)))
            .Select(walk => $"cycle without a wait of at least {minimumWait:c}: {string.Join(" → ", walk)}")
            .ToList();
    }

    /// <summary>Whether the activity holds a contact for at least minimumWait, read with the inputs the runtime reads.</summary>
    public static bool Waits(ActivityNode node, TimeSpan minimumWait, ActivityRegistry registry) =>
        registry.TryGet(node.Type, out var activity) && activity is IHoldsContact holds && holds.HoldsAtLeast(node) >= minimumWait;

    /// <summary>
    /// The strongly connected components that hold a cycle (more than one node, or a node joined to itself), each as a
    /// closed walk through all its nodes, e.g. [a, b, a]. Edges naming nodes not in the list are ignored. The order
    /// depends only on the order of nodes: components by their earliest node, each walk starting there and going on
    /// to the nearest node not yet shown.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Cycles(IReadOnlyList<string> nodes, IEnumerable<(string From, string To)> edges)
    {
        var names = nodes.Where(new HashSet<string>().Add).ToList();
        var index = names.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i);
        var next = names.Select(_ => new SortedSet<int>()).ToArray();
        foreach (var (from, to) in edges)
        {
            if (index.TryGetValue(from, out var f) && index.TryGetValue(to, out var t))
            {
                next[f].Add(t);
            }
        }
        var successors = next.Select(s => s.ToArray()).ToArray();
        return StronglyConnected(successors)
            .Where(c => c.Count > 1 || successors[c[0]].Contains(c[0]))
            .OrderBy(c => c.Min())
            .Select(c => (IReadOnlyList<string>)Walk(successors, c.ToHashSet()).Select(i => names[i]).ToList())
            .ToList();
    }

    /// <summary>Tarjan's algorithm, iterative so a long chain of activities cannot overflow the stack.</summary>
    private static List<List<int>> StronglyConnected(int[][] successors)
    {
        var n = successors.Length;
        var order = Enumerable.Repeat(-1, n).ToArray();
        var low = new int[n];
        var onStack = new bool[n];
        var stack = new Stack<int>();
        var components = new List<List<int>>();
        var counter = 0;
        for (var root = 0; root < n; root++)
        {
            if (order[root] != -1)
            {
                continue;
            }
            var work = new Stack<(int Node, int NextEdge)>();
            Visit(root);
            while (work.Count > 0)
            {
                var (v, edge) = work.Pop();
                if (edge < successors[v].Length)
                {
                    work.Push((v, edge + 1));
                    var w = successors[v][edge];
                    if (order[w] == -1)
                    {
                        Visit(w);
                    }
                    else if (onStack[w])
                    {
                        low[v] = Math.Min(low[v], order[w]);
                    }
                    continue;
                }
                if (low[v] == order[v])
                {
                    var component = new List<int>();
                    int w;
                    do
                    {
                        w = stack.Pop();
                        onStack[w] = false;
                        component.Add(w);
                    }
                    while (w != v);
                    components.Add(component);
                }
                if (work.TryPeek(out var parent))
                {
                    low[parent.Node] = Math.Min(low[parent.Node], low[v]);
                }
            }

            void Visit(int v)
            {
                order[v] = low[v] = counter++;
                stack.Push(v);
                onStack[v] = true;
                work.Push((v, 0));
            }
        }
        return components;
    }

    /// <summary>A closed walk from the component's earliest node through all its nodes and back, by shortest hops.</summary>
    private static List<int> Walk(int[][] successors, HashSet<int> members)
    {
        var start = members.Min();
        var walk = new List<int> { start };
        var shown = new HashSet<int> { start };
        var at = start;
        while (shown.Count < members.Count)
        {
            var hop = ShortestPath(successors, members, at, v => !shown.Contains(v));
            walk.AddRange(hop);
            shown.UnionWith(hop);
            at = hop[^1];
        }
        walk.AddRange(ShortestPath(successors, members, at, v => v == start));
        return walk;
    }

    /// <summary>Breadth-first inside members, taking at least one step: the nodes after from, up to the nearest target.</summary>
    private static List<int> ShortestPath(int[][] successors, HashSet<int> members, int from, Func<int, bool> isTarget)
    {
        var cameFrom = new Dictionary<int, int>();
        var queue = new Queue<int>([from]);
        while (queue.TryDequeue(out var v))
        {
            foreach (var w in successors[v])
            {
                if (!members.Contains(w) || (w == from && !isTarget(w)) || !cameFrom.TryAdd(w, v))
                {
                    continue;
                }
                if (isTarget(w))
                {
                    var path = new List<int> { w };
                    for (var back = v; back != from; back = cameFrom[back])
                    {
                        path.Add(back);
                    }
                    path.Reverse();
                    return path;
                }
                queue.Enqueue(w);
            }
        }
        throw new InvalidOperationException("every node of a strongly connected component reaches every other");
    }
}
