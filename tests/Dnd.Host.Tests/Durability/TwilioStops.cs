using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Webhooks;

namespace Dnd.Host.Tests.Durability;

/// <summary>
/// The load of the durability tests against a server process: an account, contacts with phones, one signed Twilio STOP
/// per contact, and what the server shows of each contact afterwards (its SMS DND and its applied keyword opt-outs).
/// </summary>
public static class TwilioStops
{
    public const string KeywordRule = "InboundOptOutKeyword";

    public sealed record Account(string Id, string ApiKey, string TwilioToken);

    /// <summary>One contact's STOP in a cycle, and what became of it before the kill (or the stop).</summary>
    public sealed class Stop(string contactId, string phone)
    {
        public string ContactId { get; } = contactId;
        public string Phone { get; } = phone;
        public string Sid { get; } = "SM" + Guid.NewGuid().ToString("N");

        /// <summary>The request was handed to the network (it may or may not have reached the server).</summary>
        public bool Sent;

        /// <summary>The server's status code, 0 when none arrived (killed or stopped first, or the connection broke).</summary>
        public int Status;

        public bool Answered2xx => Status is >= 200 and < 300;
    }

    public sealed record Seen(string SmsStatus, int AppliedKeywordLines, int LedgerLines);

    public static Task<HttpResponseMessage> PostStopAsync(HttpClient http, Account account, Stop stop)
    {
        var path = $"/webhooks/twilio/{account.Id}/sms";
        var form = new Dictionary<string, string> { ["MessageSid"] = stop.Sid, ["From"] = stop.Phone, ["To"] = "+15550009999", ["Body"] = "STOP" };
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", TwilioSignature.Compute(account.TwilioToken, HostProcess.PublicBaseUrl + path, form));
        return http.SendAsync(request);
    }

    public static async Task<Account> CreateAccountAsync(HostProcess server)
    {
        using var admin = server.Client();
        admin.DefaultRequestHeaders.Add("X-Admin-Key", HostProcess.AdminKey);
        var id = "kill9-" + Guid.NewGuid().ToString("N")[..10];
        var token = "twilio-" + id;
        var response = await admin.PostAsJsonAsync("/admin/accounts", new { id, name = id, twilioAuthToken = token, mailgunSigningKey = "mailgun-" + id });
        await Http.EnsureAsync(response, 201);
        return new Account(id, (await Http.JsonAsync(response)).GetProperty("apiKey").GetString()!, token);
    }

    public static async Task<Stop[]> CreateContactsAsync(HostProcess server, Account account, int cycle, int count)
    {
        using var api = server.Client(account.ApiKey);
        var stops = new Stop[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var phone = $"+1555{cycle}{i:000000}";
            var response = await api.PostAsJsonAsync("/contacts/", new { phone, firstName = $"Kill {cycle}-{i}" }, ct);
            await Http.EnsureAsync(response, 201);
            stops[i] = new Stop((await Http.JsonAsync(response)).GetProperty("contact").GetProperty("id").GetString()!, phone);
        });
        return stops;
    }

    /// <summary>Each contact's SMS DND status and ledger, as the (restarted) server shows them.</summary>
    public static async Task<IReadOnlyDictionary<string, Seen>> ReadAsync(HostProcess server, Account account, IEnumerable<Stop> stops)
    {
        using var api = server.Client(account.ApiKey);
        var seen = new ConcurrentDictionary<string, Seen>();
        await Parallel.ForEachAsync(stops, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (stop, ct) =>
        {
            var contactResponse = await api.GetAsync($"/contacts/{stop.ContactId}", ct);
            await Http.EnsureAsync(contactResponse, 200);
            var status = (await Http.JsonAsync(contactResponse)).GetProperty("contact").GetProperty("dndSettings").GetProperty("SMS").GetProperty("status").GetString()!;
            var ledgerResponse = await api.GetAsync($"/contacts/{stop.ContactId}/dnd/ledger", ct);
            await Http.EnsureAsync(ledgerResponse, 200);
            var entries = (await Http.JsonAsync(ledgerResponse)).GetProperty("entries").EnumerateArray().ToList();
            var applied = entries.Count(e => Text(e, "channel") == "SMS" && Text(e, "verdict") == "Applied" && Text(e, "rule") == KeywordRule);
            seen[stop.ContactId] = new Seen(status, applied, entries.Count);
        });
        return seen;
    }

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
