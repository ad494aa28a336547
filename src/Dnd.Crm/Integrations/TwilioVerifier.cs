using Microsoft.Extensions.Options;

namespace Dnd.Crm.Integrations;

/// <summary>
/// Asks Twilio whether the credentials work: the account itself (GET /2010-04-01/Accounts/{sid}.json with basic auth),
/// then the Messaging Service or each sender number named.
/// </summary>
public sealed class TwilioVerifier(HttpClient http, IOptions<ProviderOptions> options)
{
    public async Task<VerificationFailure?> VerifyAsync(IntegrationSettings settings, string authToken, CancellationToken ct)
    {
        var twilio = options.Value.Twilio;
        var sid = settings.AccountSid!;
        var auth = ProviderAuth.Twilio(sid, authToken);
        var account = await ProviderCall.GetAsync(http, auth, $"{twilio.AccountUrl(sid)}.json",
            SecretNames.AuthToken, "Twilio", ct);
        if (account is not null)
        {
            return account;
        }
        if (settings.MessagingServiceSid is { } service)
        {
            var messaging = (string.IsNullOrWhiteSpace(twilio.MessagingBaseUrl) ? twilio.BaseUrl : twilio.MessagingBaseUrl).TrimEnd('/');
            return await ProviderCall.GetAsync(http, auth, $"{messaging}/v1/Services/{Uri.EscapeDataString(service)}", "messagingServiceSid", "Twilio", ct);
        }
        foreach (var number in settings.SenderNumbers ?? [])
        {
            var url = $"{twilio.AccountUrl(sid)}/IncomingPhoneNumbers.json?PhoneNumber={Uri.EscapeDataString(number)}";
            if (await ProviderCall.GetJsonAsync(http, auth, url, "senderNumbers", "Twilio", ct) is { } answer)
            {
                if (answer.Failure is { } failure)
                {
                    return failure;
                }
                if (!answer.Json.TryGetProperty("incoming_phone_numbers", out var numbers) || numbers.GetArrayLength() == 0)
                {
                    return new VerificationFailure("senderNumbers", $"senderNumbers: {number} is not a number of Twilio account {sid}");
                }
            }
        }
        return null;
    }
}
