using System.Net.Http.Headers;
using System.Text.Json;

namespace Dnd.Crm.Integrations;

/// <summary>One GET to a provider for a credentials check: its refusal, or no answer in time, becomes a failure naming the field.</summary>
public static class ProviderCall
{
    public static async Task<VerificationFailure?> GetAsync(HttpClient http, AuthenticationHeaderValue auth, string url, string field, string provider,
        CancellationToken ct) => (await GetJsonAsync(http, auth, url, field, provider, ct)).Failure;

    public static async Task<(VerificationFailure? Failure, JsonElement Json)> GetJsonAsync(HttpClient http, AuthenticationHeaderValue auth, string url,
        string field, string provider, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Authorization = auth } };
        try
        {
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                return (new VerificationFailure(field, $"{field}: {provider} refused it: {await ProviderAnswer.DescribeAsync(response, ct)}"), default);
            }
            var body = await response.Content.ReadAsStringAsync(ct);
            try
            {
                return (null, JsonDocument.Parse(body).RootElement.Clone());
            }
            catch (JsonException)
            {
                return (null, default);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return (new VerificationFailure(field, $"{field}: {provider} could not be reached ({e.Message})"), default);
        }
    }
}
