using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dnd.Host.Tests.Infrastructure;

namespace Dnd.Host.Tests.Fuzz;

/// <summary>
/// Data both accounts start with, so the very first cases already meet real contacts, a smart list, a published
/// workflow and a running instance in this account and in the other one.
/// </summary>
public static class FuzzSeed
{
    public static async Task<FuzzAccount> AccountAsync(DndApp app)
    {
        var account = await TestAccount.CreateAsync(app);
        return new FuzzAccount(account.Id, account.ApiKey, account.TwilioToken, account.MailgunKey);
    }

    public static async Task PopulateAsync(DndApp app, World world, Harvester harvester, FuzzAccount account)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", account.ApiKey);
        async Task<JsonElement> Send(HttpResponseMessage response, Dictionary<string, string>? path = null)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Seeding failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            var json = await response.Content.ReadFromJsonAsync<JsonElement>();
            harvester.Learn(world, account, path ?? [], response.Headers.Location?.ToString(), json);
            return json;
        }
        var contacts = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var created = await Send(await client.PostAsJsonAsync("/contacts/",
                new { firstName = "Seed", email = $"seed{i}-{account.Id}@example.com", phone = $"+1555020{i:D4}", tags = new[] { "vip" } }));
            contacts.Add(created.GetProperty("contact").GetProperty("id").GetString()!);
        }
        await Send(await client.PostAsJsonAsync("/smart-lists/", new { name = "seed", excludeAnyDnd = true }));
        await Send(await client.GetAsync("/workflows/"));
        var workflowId = "seed-" + account.Id;
        var definition = new
        {
            id = workflowId, name = "seed", allowReentry = true,
            activities = new[] { new { id = "wait", type = "Delay", properties = new Dictionary<string, object> { ["duration"] = "01:00:00" } } },
            connections = Array.Empty<object>(),
        };
        await Send(await client.PutAsJsonAsync($"/workflows/{workflowId}", definition), new() { ["workflowId"] = workflowId });
        await Send(await client.PostAsync($"/contacts/{contacts[0]}/workflow/{workflowId}", null));
    }

    public static async Task<IReadOnlyList<JsonElement>> PaletteAsync(DndApp app, FuzzAccount account)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", account.ApiKey);
        var json = await client.GetFromJsonAsync<JsonElement>("/workflows/activities");
        return json.GetProperty("activities").EnumerateArray().Select(a => a.Clone()).ToList();
    }
}
