using Microsoft.Extensions.Options;

namespace Dnd.Crm.Integrations;

/// <summary>
/// Asks Meta's Graph API whether the token reaches each object the integration names: GET /{version}/{id} with the
/// token as bearer, for the WhatsApp number, the page and the Instagram account. A refusal quotes Meta's error.
/// </summary>
public sealed class MetaVerifier(HttpClient http, IOptions<ProviderOptions> options)
{
    public async Task<VerificationFailure?> VerifyAsync(IntegrationSettings settings, string accessToken, CancellationToken ct)
    {
        var auth = ProviderAuth.Meta(accessToken);
        foreach (var (id, field) in new[] { (settings.PhoneNumberId, "phoneNumberId"), (settings.PageId, "pageId"), (settings.InstagramAccountId, "instagramAccountId") })
        {
            if (id is null)
            {
                continue;
            }
            var (failure, _) = await ProviderCall.GetJsonAsync(http, auth, options.Value.Meta.Url(Uri.EscapeDataString(id)), field, "Meta", ct);
            if (failure is not null)
            {
                // Meta answers a bad token (190, OAuthException) the same on every object: the token is at fault, not the id.
                return failure.Message.Contains(ProviderAnswer.MetaTokenError, StringComparison.Ordinal)
                    ? failure with { Field = SecretNames.AccessToken, Message = SecretNames.AccessToken + failure.Message[field.Length..] }
                    : failure;
            }
        }
        return null;
    }
}
