using System.Text.Json;
using System.Text.Json.Nodes;
using Dnd.Crm.Persistence;
using Dnd.Crm.Subscriptions;
using Dnd.Host.Api.Contacts;

namespace Dnd.Host.Api.Subscriptions;

/// <summary>
/// The events' bodies in the API's own shapes: ContactDndUpdate is HighLevel's contact (as GET /contacts/{id} returns it)
/// with "type" first; ConsentLedgerEntry is the line as GET /contacts/{id}/dnd/ledger returns it, under "entry".
/// </summary>
public sealed class WebhookBodies : IWebhookBodies
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    public string ContactDndUpdate(ContactRecord contact)
    {
        var body = new JsonObject { ["type"] = WebhookEvents.ContactDndUpdate };
        foreach (var (name, value) in JsonSerializer.SerializeToNode(ContactMapper.ToDto(contact), Json)!.AsObject().ToList())
        {
            body[name] = value?.DeepClone();
        }
        return body.ToJsonString(Json);
    }

    public string ConsentLedgerEntry(LedgerRecord line)
    {
        var entry = JsonSerializer.SerializeToNode(LedgerEntryDto.From(line), Json)!.AsObject();
        // The row's id is given at insert, after the event is staged: the subject and its sequence name the line.
        entry.Remove("id");
        return new JsonObject { ["type"] = WebhookEvents.ConsentLedgerEntry, ["locationId"] = line.AccountId, ["entry"] = entry }.ToJsonString(Json);
    }
}
