using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dnd.Crm.Integrations;
using Dnd.Rules.Consent;
using Microsoft.Extensions.Options;

namespace Dnd.Crm.Delivery;

/// <summary>
/// Meta's Graph API: WhatsApp through the Cloud API (POST /{phone-number-id}/messages) and FB — Messenger and Instagram
/// alike — through the page (POST /me/messages to the contact's page-scoped id), with the integration's token.
/// </summary>
public sealed class MetaTransport(IHttpClientFactory clients, IOptions<ProviderOptions> options) : IProviderTransport
{
    /// <summary>Meta's codes for "too many calls" (app, user, page, WhatsApp throughput, pair rate): not taken, tried again later.</summary>
    private static readonly HashSet<int> Throttled = [4, 17, 32, 613, 80007, 130429, 131056];

    /// <summary>Meta's code for a token it no longer accepts: the integration's to mend, the message waits.</summary>
    private const int InvalidToken = 190;

    public string Provider => IntegrationProviders.Meta;

    public async Task<DeliveryOutcome> SendAsync(ProviderConnection connection, OutboundLetter letter, CancellationToken ct)
    {
        var meta = (MetaConnection)connection;
        if (letter.To.Length == 0)
        {
            return DeliveryOutcome.Permanent("no_recipient", letter.Channel == Channel.Fb
                ? "the contact has never messaged the page: Meta lets a page write only to people who wrote to it"
                : "the contact has no phone number");
        }
        (string Path, object Body)? call = letter.Channel switch
        {
            Channel.WhatsApp when meta.PhoneNumberId is { } number => ($"{Uri.EscapeDataString(number)}/messages", new
            {
                messaging_product = "whatsapp", recipient_type = "individual", to = letter.To.TrimStart('+'), type = "text",
                text = new { preview_url = false, body = letter.Body },
            }),
            // RESPONSE: a page may write within 24 hours of the person's last message; Meta refuses later ones (code 10), failing the message.
            Channel.Fb when meta.PageId is not null => ("me/messages", new { recipient = new { id = letter.To }, messaging_type = "RESPONSE", message = new { text = letter.Body } }),
            _ => null,
        };
        if (call is not { } send)
        {
            return DeliveryOutcome.Permanent("not_a_message", $"the Meta integration does not carry {letter.Channel.ToWire()}");
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Value.Meta.Url(send.Path)) { Content = JsonContent.Create(send.Body) };
        request.Headers.Authorization = ProviderAuth.Meta(meta.AccessToken);
        try
        {
            using var response = await clients.CreateClient(Provider).SendAsync(DeliveryCalls.ForCircuit(request, letter.AccountId, Provider), ct);
            if (!response.IsSuccessStatusCode)
            {
                return await RefusalAsync(response, ct);
            }
            var sent = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            return DeliveryOutcome.Accepted(letter.Channel == Channel.WhatsApp
                ? sent.GetProperty("messages")[0].GetProperty("id").GetString()!
                : sent.GetProperty("message_id").GetString()!);
        }
        catch (Exception e) when (DeliveryCalls.Unanswered(e, ct))
        {
            return ProviderResponses.Unreachable("Meta", e);
        }
    }

    /// <summary>The Graph API cannot list a page's or number's sent messages by our reference: a lost hand-over is sent again (at least once).</summary>
    public Task<HandOverLookup> FindAsync(ProviderConnection connection, OutboundLetter letter, CancellationToken ct) => Task.FromResult(HandOverLookup.CannotTell);

    /// <summary>Meta answers most refusals 400 with its code in the body: throttling and a dead token are passing, the rest are the message's.</summary>
    private static async Task<DeliveryOutcome> RefusalAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (ProviderResponses.NotTaken(response) || response.StatusCode >= HttpStatusCode.InternalServerError)
        {
            return await ProviderResponses.RefusalAsync(response, "Meta", ct);
        }
        var said = await ProviderAnswer.DescribeAsync(response, ct);
        var code = await CodeAsync(response, ct);
        return code switch
        {
            { } c when Throttled.Contains(c) => DeliveryOutcome.Transient($"Meta is busy: {said}"),
            InvalidToken => DeliveryOutcome.Transient($"Meta refused the integration's credentials: {said}"),
            null when response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                DeliveryOutcome.Transient($"Meta refused the integration's credentials: {said}"),
            _ => DeliveryOutcome.Permanent(code?.ToString() ?? $"Meta_{(int)response.StatusCode}", $"Meta refused the message: {said}"),
        };
    }

    /// <summary>error.code of Meta's body ({"error": {"message", "type", "code", "fbtrace_id"}}); null without one.</summary>
    private static async Task<int?> CodeAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("error", out var error) &&
                   error.ValueKind == JsonValueKind.Object && error.TryGetProperty("code", out var code) && code.TryGetInt32(out var number)
                ? number : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
