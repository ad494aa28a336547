using System.Net.Http.Json;
using System.Text.Json;
using Dnd.Crm.Integrations;
using Dnd.Rules.Consent;
using Microsoft.Extensions.Options;

namespace Dnd.Crm.Delivery;

/// <summary>
/// Mailgun's messages API, with the message's List-Unsubscribe headers, our id as its Message-Id (so a lost answer can
/// be looked up in Mailgun's events) and as a variable (so Mailgun's webhooks name the message).
/// </summary>
public sealed class MailgunTransport(IHttpClientFactory clients, IOptions<ProviderOptions> options) : IProviderTransport
{
    /// <summary>The Mailgun variable carrying our message id (Mailgun returns it in events as user-variables).</summary>
    public const string MessageIdVariable = "dnd-message-id";

    public string Provider => IntegrationProviders.Mailgun;

    public async Task<DeliveryOutcome> SendAsync(ProviderConnection connection, OutboundLetter letter, CancellationToken ct)
    {
        var mailgun = (MailgunConnection)connection;
        if (letter.Channel != Channel.Email)
        {
            return DeliveryOutcome.Permanent("not_an_email", $"{letter.Channel.ToWire()} is not sent through Mailgun");
        }
        var form = new MultipartFormDataContent
        {
            { new StringContent(EmailAddresses.From(letter.SenderName, $"no-reply@{mailgun.Domain}")), "from" },
            { new StringContent(letter.To), "to" },
            { new StringContent(letter.Subject ?? ""), "subject" },
            { new StringContent(letter.Body), "html" },
            { new StringContent($"<{EmailAddresses.MessageId(letter.MessageId, mailgun.Domain)}>"), "h:Message-Id" },
            { new StringContent(letter.MessageId), $"v:{MessageIdVariable}" },
        };
        foreach (var (name, value) in letter.Headers)
        {
            form.Add(new StringContent(value), $"h:{name}");
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Domain(mailgun)}/messages") { Content = form };
        try
        {
            using var response = await clients.CreateClient(Provider).SendAsync(Authorized(request, mailgun, letter.AccountId), ct);
            if (!response.IsSuccessStatusCode)
            {
                return await ProviderResponses.RefusalAsync(response, "Mailgun", ct);
            }
            var sent = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            return DeliveryOutcome.Accepted(sent.TryGetProperty("id", out var id) ? id.GetString()!.Trim('<', '>') : EmailAddresses.MessageId(letter.MessageId, mailgun.Domain));
        }
        catch (Exception e) when (DeliveryCalls.Unanswered(e, ct))
        {
            return ProviderResponses.Unreachable("Mailgun", e);
        }
    }

    /// <summary>Mailgun's events by the Message-Id we gave it: any event means it accepted the message.</summary>
    public async Task<HandOverLookup> FindAsync(ProviderConnection connection, OutboundLetter letter, CancellationToken ct)
    {
        var mailgun = (MailgunConnection)connection;
        var id = EmailAddresses.MessageId(letter.MessageId, mailgun.Domain);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Domain(mailgun)}/events?message-id={Uri.EscapeDataString(id)}");
        try
        {
            using var response = await clients.CreateClient(Provider).SendAsync(Authorized(request, mailgun, letter.AccountId), ct);
            if (!response.IsSuccessStatusCode)
            {
                return HandOverLookup.CannotTell;
            }
            var page = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            return page.TryGetProperty("items", out var items) && items.GetArrayLength() > 0 ? new HandOverLookup(HandOverFound.Found, id) : HandOverLookup.NotFound;
        }
        catch (Exception e) when (DeliveryCalls.Unanswered(e, ct) || e is JsonException)
        {
            return HandOverLookup.CannotTell;
        }
    }

    private string Domain(MailgunConnection mailgun) => options.Value.Mailgun.DomainUrl(mailgun.Region, mailgun.Domain);

    private static HttpRequestMessage Authorized(HttpRequestMessage request, MailgunConnection mailgun, string accountId)
    {
        request.Headers.Authorization = ProviderAuth.Mailgun(mailgun.ApiKey);
        return DeliveryCalls.ForCircuit(request, accountId, IntegrationProviders.Mailgun);
    }
}
