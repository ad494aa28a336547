using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dnd.Crm.Consent;
using Dnd.Crm.Delivery;
using Dnd.Crm.Integrations;
using Microsoft.Extensions.Options;

namespace Dnd.Crm.Suppressions;

/// <summary>
/// Mailgun's suppression lists API for a connected domain: a list read a page at a time, and an address taken off a list.
/// Calls go through the account's Mailgun circuit, like its sends.
/// </summary>
public sealed class MailgunSuppressions(IHttpClientFactory clients, IOptions<ProviderOptions> options)
{
    /// <summary>Entries per page; Mailgun allows up to 1,000.</summary>
    public const int PageSize = 500;

    /// <summary>One page of a list: from its start (<paramref name="pageUrl"/> null) or from the paging URL the last page gave.</summary>
    /// <returns>The entries, and the next page's URL (null when this page was empty: the list is done).</returns>
    /// <exception cref="SuppressionCallException">Mailgun refused or did not answer; the page can be asked for again.</exception>
    public async Task<(IReadOnlyList<SuppressionEntry> Entries, string? Next)> PageAsync(string accountId, MailgunConnection mailgun,
        MailgunSuppressionList list, string? pageUrl, CancellationToken ct)
    {
        var url = pageUrl ?? $"{ListUrl(mailgun, list)}?limit={PageSize}";
        if (!SameHost(url, mailgun))
        {
            // The API key goes with the request: never to a host other than the configured Mailgun's.
            throw new SuppressionCallException($"Mailgun's paging URL {url} is not on the configured Mailgun host", transient: false);
        }
        using var request = Authorized(new HttpRequestMessage(HttpMethod.Get, url), mailgun, accountId);
        var page = await SendAsync(request, ct, async response => await response.Content.ReadFromJsonAsync<JsonElement>(ct));
        var entries = page.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray().Select(Entry).OfType<SuppressionEntry>().ToList()
            : [];
        var next = items.ValueKind == JsonValueKind.Array && items.GetArrayLength() > 0 &&
                   page.TryGetProperty("paging", out var paging) && paging.TryGetProperty("next", out var n) ? n.GetString() : null;
        return (entries, next);
    }

    /// <summary>Takes the address off the list.</summary>
    /// <returns>Whether it was there (Mailgun's 404 means it was not: nothing to do).</returns>
    /// <exception cref="SuppressionCallException">Mailgun refused or did not answer.</exception>
    public async Task<bool> RemoveAsync(string accountId, MailgunConnection mailgun, MailgunSuppressionList list, string address, CancellationToken ct)
    {
        using var request = Authorized(new HttpRequestMessage(HttpMethod.Delete, $"{ListUrl(mailgun, list)}/{Uri.EscapeDataString(address)}"), mailgun, accountId);
        return await SendAsync(request, ct, _ => Task.FromResult(true), notFound: false);
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage request, CancellationToken ct, Func<HttpResponseMessage, Task<T>> read, T? notFound = default)
    {
        try
        {
            using var response = await clients.CreateClient(IntegrationProviders.Mailgun).SendAsync(request, ct);
            if (response.StatusCode == HttpStatusCode.NotFound && notFound is not null)
            {
                return notFound;
            }
            if (!response.IsSuccessStatusCode)
            {
                // Credentials and rate limits mend with time; anything else Mailgun refuses is tried again later too, until the give-up.
                throw new SuppressionCallException($"Mailgun answered {await ProviderAnswer.DescribeAsync(response, ct)}", transient: true);
            }
            return await read(response);
        }
        catch (Exception e) when (DeliveryCalls.Unanswered(e, ct) || e is JsonException)
        {
            throw new SuppressionCallException($"Mailgun did not answer usably ({e.Message})", transient: true);
        }
    }

    private string ListUrl(MailgunConnection mailgun, MailgunSuppressionList list) => $"{options.Value.Mailgun.DomainUrl(mailgun.Region, mailgun.Domain)}/{list.Name}";

    private bool SameHost(string url, MailgunConnection mailgun) =>
        Uri.TryCreate(url, UriKind.Absolute, out var next) && Uri.TryCreate(options.Value.Mailgun.BaseUrlFor(mailgun.Region), UriKind.Absolute, out var configured) &&
        next.Scheme == configured.Scheme && string.Equals(next.Authority, configured.Authority, StringComparison.OrdinalIgnoreCase);

    private static HttpRequestMessage Authorized(HttpRequestMessage request, MailgunConnection mailgun, string accountId)
    {
        request.Headers.Authorization = ProviderAuth.Mailgun(mailgun.ApiKey);
        return DeliveryCalls.ForCircuit(request, accountId, IntegrationProviders.Mailgun);
    }

    /// <summary>An entry as DND keys it; one whose address is not an e-mail address is skipped.</summary>
    private static SuppressionEntry? Entry(JsonElement item)
    {
        var address = Text(item, "address");
        return address is null || !address.Contains('@') ? null
            : new SuppressionEntry(Addresses.Email(address)!, Text(item, "code"), Text(item, "error"), Text(item, "created_at"));
    }

    private static string? Text(JsonElement item, string name) => item.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null
        ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()
        : null;
}
