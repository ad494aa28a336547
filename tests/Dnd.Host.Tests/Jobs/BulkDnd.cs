using System.Net.Http.Json;
using System.Text.Json;
using Dnd.Host.Tests.Infrastructure;

namespace Dnd.Host.Tests.Jobs;

/// <summary>The bulk DND API as a test calls it.</summary>
public static class BulkDnd
{
    public static async Task<HttpResponseMessage> PostAsync(TestAccount account, object body, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/locations/contacts/bulk/dnd") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }
        return await account.Client.SendAsync(request);
    }

    /// <returns>The job's id.</returns>
    public static async Task<string> EnqueueAsync(TestAccount account, object body, string? key = null)
    {
        var response = await PostAsync(account, body, key);
        await Http.EnsureAsync(response, 202);
        var id = (await Http.JsonAsync(response)).GetProperty("job").GetProperty("id").GetString()!;
        response.Headers.Location!.ToString().Should().Be($"/locations/jobs/{id}");
        return id;
    }

    public static async Task<JsonElement> JobAsync(TestAccount account, string jobId)
    {
        var response = await account.Client.GetAsync($"/locations/jobs/{jobId}");
        await Http.EnsureAsync(response, 200);
        return await Http.JsonAsync(response);
    }

    /// <returns>The contacts' ids, each with an SMS-capable phone.</returns>
    public static async Task<List<string>> ContactsAsync(TestAccount account, int count, string phonePrefix)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await account.CreateContactAsync(new { phone = $"{phonePrefix}{i:D2}", firstName = $"Bulk{i}" })).GetProperty("id").GetString()!);
        }
        return ids;
    }

    /// <summary>The contact's ledger lines that name the job.</summary>
    public static async Task<List<JsonElement>> LinesOfAsync(TestAccount account, string contactId, string jobId) =>
        (await account.LedgerAsync(contactId)).EnumerateArray()
        .Where(e => e.GetProperty("actedBy").GetString() is { } by && by.Contains($"via bulk job {jobId}")).ToList();
}
