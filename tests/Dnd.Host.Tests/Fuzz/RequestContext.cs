namespace Dnd.Host.Tests.Fuzz;

/// <summary>What a generator may know while drawing one request: the case, who it acts as, the ids chosen so far.</summary>
/// <param name="Account">The account whose data the request means to touch (its key, its webhook URL).</param>
public sealed record RequestContext(int Case, World World, FuzzAccount Account, IReadOnlyDictionary<string, string> Path)
{
    /// <summary>Unique per case, so "fresh" values never collide with earlier ones by accident.</summary>
    public string Fresh => $"fz{Case}";

    public IReadOnlyList<string> Pool(string name) => World.Pool(Account, name);
}
