using System.Text.Json;
using System.Text.RegularExpressions;

namespace Dnd.Host.Tests.Fuzz;

/// <summary>
/// Learns ids from successful answers without knowing the endpoints: "xxxId" properties, objects named xxx with an
/// id, lists named xxxs of objects with ids, a Location header matching a route, and the path ids a 2xx accepted.
/// Pool names are route parameter names (contactId, listId...), which is what the generators look up.
/// </summary>
public sealed partial class Harvester(IReadOnlyList<ApiOperation> operations)
{
    private readonly List<(Regex Pattern, string Parameter)> _itemRoutes = operations
        .Select(o => o.Route).Distinct()
        .Select(r => (Route: r, Match: LastParameter().Match(r)))
        .Where(x => x.Match.Success)
        .Select(x => (new Regex("^" + ParameterPattern().Replace(Regex.Escape(x.Route[..x.Match.Index]), "[^/]+") + "/([^/?]+)/?$"),
            x.Match.Groups[1].Value))
        .ToList();

    public void Learn(World world, FuzzAccount account, IReadOnlyDictionary<string, string> pathValues, string? location, JsonElement? body)
    {
        foreach (var (name, value) in pathValues)
        {
            world.Add(account, name, value);
        }
        if (location is not null)
        {
            var path = location.Split('?')[0];
            foreach (var (pattern, parameter) in _itemRoutes)
            {
                if (pattern.Match(path) is { Success: true } m)
                {
                    world.Add(account, parameter, Uri.UnescapeDataString(m.Groups[1].Value));
                }
            }
        }
        if (body is { } json)
        {
            Walk(world, account, json, owner: null, depth: 0);
        }
    }

    private static void Walk(World world, FuzzAccount account, JsonElement element, string? owner, int depth)
    {
        if (depth > 6)
        {
            return;
        }
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                {
                    if (p.Value.ValueKind == JsonValueKind.String)
                    {
                        var value = p.Value.GetString();
                        if (p.Name.EndsWith("Id", StringComparison.Ordinal) && p.Name.Length > 2)
                        {
                            world.Add(account, p.Name, value);
                        }
                        else if (p.Name == "id" && owner is not null)
                        {
                            world.Add(account, owner + "Id", value);
                        }
                        else if (p.Name is "email" or "phone")
                        {
                            world.Add(account, "address", value);
                        }
                    }
                    else
                    {
                        Walk(world, account, p.Value, p.Name, depth + 1);
                    }
                }
                break;
            case JsonValueKind.Array:
                // "contacts": [{ id }] names its items' kind in the plural.
                var singular = owner is { Length: > 1 } && owner.EndsWith('s') ? owner[..^1] : owner;
                foreach (var item in element.EnumerateArray().Take(50))
                {
                    Walk(world, account, item, singular, depth + 1);
                }
                break;
        }
    }

    [GeneratedRegex(@"/\{([^}]+)\}/?$")]
    private static partial Regex LastParameter();

    [GeneratedRegex(@"\\\{[^}]+}")]
    private static partial Regex ParameterPattern();
}
