using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Dnd.Host.Tests.Infrastructure;

/// <summary>A fresh tenant per test, so tests sharing one server never see each other's data.</summary>
public sealed class TestAccount
{
    public required string Id { get; init; }
    public required string ApiKey { get; init; }
    public required HttpClient Client { get; init; }
    public required string TwilioToken { get; init; }
    public required string MailgunKey { get; init; }

    /// <summary>The name the admin API gives an account's first key, which the ledger names as the actor.</summary>
    public const string KeyName = "initial";

    public static async Task<TestAccount> CreateAsync(DndApp app, HttpClient? client = null)
    {
        var id = "acct-" + Guid.NewGuid().ToString("N")[..10];
        var admin = app.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Admin-Key", DndApp.AdminKey);
        var twilio = "twilio-" + id;
        var mailgun = "mailgun-" + id;
        var response = await admin.PostAsJsonAsync("/admin/accounts", new { id, name = id, twilioAuthToken = twilio, mailgunSigningKey = mailgun });
        response.EnsureSuccessStatusCode();
        var key = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString()!;
        var api = client ?? app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return new TestAccount { Id = id, ApiKey = key, Client = api, TwilioToken = twilio, MailgunKey = mailgun };
    }

    /// <summary>The same account seen through another server process (e.g. after a restart).</summary>
    public TestAccount On(DndApp app)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        return new TestAccount { Id = Id, ApiKey = ApiKey, Client = client, TwilioToken = TwilioToken, MailgunKey = MailgunKey };
    }

    public async Task<JsonElement> CreateContactAsync(object body)
    {
        var response = await Client.PostAsJsonAsync("/contacts/", body);
        await Http.EnsureAsync(response, 201);
        return (await Http.JsonAsync(response)).GetProperty("contact");
    }

    public async Task<JsonElement> GetContactAsync(string id)
    {
        var response = await Client.GetAsync($"/contacts/{id}");
        await Http.EnsureAsync(response, 200);
        return (await Http.JsonAsync(response)).GetProperty("contact");
    }

    public async Task<string> DndStatusAsync(string contactId, string channel) =>
        (await GetContactAsync(contactId)).GetProperty("dndSettings").GetProperty(channel).GetProperty("status").GetString()!;

    public async Task<JsonElement> LedgerAsync(string contactId) =>
        (await Http.JsonAsync(await Client.GetAsync($"/contacts/{contactId}/dnd/ledger"))).GetProperty("entries");
}
