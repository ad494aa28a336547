using System.Net.Http.Json;
using System.Text.Json;

namespace Dnd.Host.Tests.Infrastructure;

/// <summary>Builds workflow definitions in tests and drives them through the public API.</summary>
public static class Flow
{
    public static object Activity(string id, string type, object? properties = null) => new { id, type, properties = properties ?? new { } };

    public static object Connect(string source, string outcome, string target) => new { source, outcome, target };

    public static object Definition(string id, object[] activities, object[] connections, bool allowReentry = false) =>
        new { id, name = id, allowReentry, activities, connections };

    public static async Task PublishAsync(TestAccount account, object definition)
    {
        var id = JsonSerializer.SerializeToElement(definition).GetProperty("id").GetString();
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync($"/workflows/{id}", definition), 200);
    }

    /// <summary>Installs a shipped template (the workflows/ folder) as the account's own workflow of the same id.</summary>
    public static async Task InstallAsync(TestAccount account, string templateId) =>
        await Http.EnsureAsync(await account.Client.PostAsync($"/workflows/templates/{templateId}/install", null), 201);

    public static async Task<string> StartAsync(TestAccount account, string contactId, string workflowId)
    {
        var response = await account.Client.PostAsync($"/contacts/{contactId}/workflow/{workflowId}", null);
        await Http.EnsureAsync(response, 200);
        return (await Http.JsonAsync(response)).GetProperty("instanceId").GetString()!;
    }

    public static async Task<JsonElement> InstanceAsync(TestAccount account, string instanceId) =>
        await Http.JsonAsync(await account.Client.GetAsync($"/workflows/instances/{instanceId}"));

    public static async Task<JsonElement> InstancesAsync(TestAccount account, string contactId) =>
        (await Http.JsonAsync(await account.Client.GetAsync($"/contacts/{contactId}/workflows"))).GetProperty("instances");

    public static string Status(JsonElement instance) => instance.GetProperty("instance").GetProperty("status").GetString()!;

    public static Task<JsonElement> UntilStatusAsync(TestAccount account, string instanceId, string status, int timeoutMs = 15_000) =>
        Eventually.MatchAsync(() => InstanceAsync(account, instanceId), i => Status(i) == status, $"instance {instanceId} to be {status}", timeoutMs);

    public static IEnumerable<(string Activity, string Outcome, string? Note)> Log(JsonElement instance) =>
        instance.GetProperty("log").EnumerateArray().Select(l =>
            (l.GetProperty("activityId").GetString()!, l.GetProperty("outcome").GetString()!, l.GetProperty("note").GetString()));

    /// <summary>What was sent to the contact, but an opt-out's own confirmation (OptOutConfirmationTests check that one).</summary>
    public static async Task<List<JsonElement>> MessagesAsync(TestAccount account, string contactId) =>
        (await Http.JsonAsync(await account.Client.GetAsync($"/conversations/messages?contactId={contactId}")))
        .GetProperty("messages").EnumerateArray()
        .Where(m => m.GetProperty("direction").GetString() == "outbound" && m.GetProperty("purpose").GetString() != "opt-out-confirmation").ToList();
}
