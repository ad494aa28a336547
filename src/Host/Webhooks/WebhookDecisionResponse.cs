using System.Text.Json.Serialization;
using Dnd.Rules.Engine;

namespace Dnd.Host.Webhooks;

/// <summary>
/// What a provider event did. One shape for both answers, so clients and the OpenAPI document see a single
/// schema: a redelivery says duplicate and names no contacts, because it wrote nothing. A first delivery leaves
/// duplicate out, as it always has.
/// </summary>
/// <param name="Duplicate">The event was applied before; this delivery changed nothing (answered 200 so the provider stops retrying).</param>
/// <param name="ContactId">The first contact with the address; null when no contact has it (the consent is kept on the address) or for a duplicate.</param>
/// <param name="ContactIds">Every contact of the account with the address; each got its own ledger line.</param>
/// <param name="Explanation">The rules' explanations, joined.</param>
public sealed record WebhookDecisionResponse(
    string? ContactId,
    IReadOnlyList<string> ContactIds,
    string Explanation,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Duplicate = false)
{
    public static WebhookDecisionResponse Redelivery { get; } =
        new(null, [], "This event was delivered before and has been applied; nothing changed.", Duplicate: true);

    public static WebhookDecisionResponse From(IReadOnlyList<(string? ContactId, ConsentDecision Decision)> decisions) => new(
        decisions[0].ContactId,
        decisions.Select(d => d.ContactId).OfType<string>().ToList(),
        string.Join(" ", decisions.Select(d => d.Decision.Explanation)));
}
