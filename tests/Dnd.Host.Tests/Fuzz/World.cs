using System.Text.Json;

namespace Dnd.Host.Tests.Fuzz;

/// <summary>
/// What the fuzzer has learnt about the server's data: per account, the ids and addresses its answers named.
/// Later requests draw path ids from here, so they meet real rows of this account and of the other one.
/// </summary>
public sealed class World(FuzzAccount home, FuzzAccount other, IReadOnlyList<JsonElement> palette, Func<string, string, string> mintUnsubscribeToken)
{
    private const int PoolLimit = 40;
    private readonly Dictionary<(string Account, string Pool), List<string>> _pools = new();

    /// <summary>The account most requests act as.</summary>
    public FuzzAccount Home { get; } = home;

    /// <summary>A second tenant, whose ids and keys the home account's requests must never reach.</summary>
    public FuzzAccount Other { get; } = other;

    /// <summary>GET /workflows/activities: the activity types and their properties, for workflow definitions.</summary>
    public IReadOnlyList<JsonElement> Palette { get; } = palette;

    /// <summary>Mailgun tokens already sent, so some requests replay one (with the same or another body).</summary>
    public List<string> MailgunTokens { get; } = [];

    /// <summary>Signs an unsubscribe token for (account id, contact id) with the server's own key.</summary>
    public string MintUnsubscribeToken(string accountId, string contactId) => mintUnsubscribeToken(accountId, contactId);

    public FuzzAccount Stranger(FuzzAccount account) => account == Home ? Other : Home;

    public IReadOnlyList<string> Pool(FuzzAccount account, string name) =>
        _pools.TryGetValue((account.Id, name), out var values) ? values : [];

    public void Add(FuzzAccount account, string pool, string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 200)
        {
            return;
        }
        if (!_pools.TryGetValue((account.Id, pool), out var values))
        {
            _pools[(account.Id, pool)] = values = [];
        }
        if (!values.Contains(value))
        {
            values.Add(value);
            if (values.Count > PoolLimit)
            {
                values.RemoveAt(0);
            }
        }
    }
}
