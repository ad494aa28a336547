using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Dnd.Crm.Integrations;
using Dnd.Rules.Consent;
using Microsoft.Extensions.Options;

namespace Dnd.Crm.Delivery;

/// <summary>
/// Twilio's Messages API: SMS and WhatsApp, from the Messaging Service or the first sender number, with a StatusCallback
/// to this server's status webhook so delivery statuses and error codes (30004, 21610, …) reach the DND rules.
/// </summary>
public sealed class TwilioTransport(IHttpClientFactory clients, IOptions<ProviderOptions> options) : IProviderTransport
{
    public string Provider => IntegrationProviders.Twilio;

    public async Task<DeliveryOutcome> SendAsync(ProviderConnection connection, OutboundLetter letter, CancellationToken ct)
    {
        var twilio = (TwilioConnection)connection;
        if (letter.Channel is not (Channel.Sms or Channel.WhatsApp))
        {
            return DeliveryOutcome.Permanent("not_a_message", $"{letter.Channel.ToWire()} is not sent through Twilio's Messages API");
        }
        var form = new Dictionary<string, string>
        {
            ["To"] = Address(letter.Channel, letter.To),
            ["Body"] = letter.Body,
            ["StatusCallback"] = letter.StatusCallbackUrl,
        };
        if (twilio.MessagingServiceSid is { Length: > 0 } service)
        {
            form["MessagingServiceSid"] = service;
        }
        else if (twilio.SenderNumbers.FirstOrDefault() is { } from)
        {
            form["From"] = Address(letter.Channel, from);
        }
        else
        {
            return DeliveryOutcome.Transient("the Twilio integration has neither a Messaging Service nor a sender number");
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Account(twilio)}/Messages.json") { Content = new FormUrlEncodedContent(form) };
        try
        {
            using var response = await clients.CreateClient(Provider).SendAsync(Authorized(request, twilio, letter.AccountId), ct);
            if (!response.IsSuccessStatusCode)
            {
                return await ProviderResponses.RefusalAsync(response, "Twilio", ct);
            }
            var sent = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            return DeliveryOutcome.Accepted(sent.GetProperty("sid").GetString()!);
        }
        catch (Exception e) when (DeliveryCalls.Unanswered(e, ct))
        {
            return ProviderResponses.Unreachable("Twilio", e);
        }
    }

    /// <summary>
    /// Twilio has no idempotency key for Messages, so the message is looked for as Twilio lists them: to the same number,
    /// created since the claim, with the same body.
    /// </summary>
    public async Task<HandOverLookup> FindAsync(ProviderConnection connection, OutboundLetter letter, CancellationToken ct)
    {
        var twilio = (TwilioConnection)connection;
        var url = $"{Account(twilio)}/Messages.json?To={Uri.EscapeDataString(Address(letter.Channel, letter.To))}&PageSize=50";
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        try
        {
            using var response = await clients.CreateClient(Provider).SendAsync(Authorized(request, twilio, letter.AccountId), ct);
            if (!response.IsSuccessStatusCode)
            {
                return HandOverLookup.CannotTell;
            }
            var page = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            var since = (letter.ClaimedAt ?? DateTimeOffset.MinValue).AddMinutes(-1);
            foreach (var message in page.GetProperty("messages").EnumerateArray())
            {
                if (message.GetProperty("body").GetString() == letter.Body && Created(message) >= since)
                {
                    return new HandOverLookup(HandOverFound.Found, message.GetProperty("sid").GetString());
                }
            }
            return HandOverLookup.NotFound;
        }
        catch (Exception e) when (DeliveryCalls.Unanswered(e, ct) || e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return HandOverLookup.CannotTell;
        }
    }

    private string Account(TwilioConnection twilio) => options.Value.Twilio.AccountUrl(twilio.AccountSid);

    private static HttpRequestMessage Authorized(HttpRequestMessage request, TwilioConnection twilio, string accountId)
    {
        request.Headers.Authorization = ProviderAuth.Twilio(twilio.AccountSid, twilio.AuthToken);
        return DeliveryCalls.ForCircuit(request, accountId, IntegrationProviders.Twilio);
    }

    private static string Address(Channel channel, string number) => channel == Channel.WhatsApp ? $"whatsapp:{number}" : number;

    /// <summary>Twilio's dates are RFC 2822 ("Thu, 26 Nov 2026 05:00:00 +0000"); one that does not read counts as recent, so a match is not sent twice.</summary>
    private static DateTimeOffset Created(JsonElement message) =>
        DateTimeOffset.TryParse(message.GetProperty("date_created").GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at : DateTimeOffset.MaxValue;
}
