using System.Text;
using System.Text.Json;
using CsvHelper;
using Dnd.Activities.Persistence;
using Dnd.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Host.Tests.Imports;

/// <summary>Uploading, applying and reading back contact CSVs as a client does.</summary>
public static class ImportFiles
{
    public static Task<HttpResponseMessage> UploadAsync(TestAccount account, string csv, string query = "") =>
        account.Client.PostAsync($"/locations/contacts/imports{query}", new StringContent(csv, Encoding.UTF8, "text/csv"));

    /// <summary>Uploads a file that must be accepted (201) and returns the import.</summary>
    public static async Task<JsonElement> DryRunAsync(TestAccount account, string csv)
    {
        var response = await UploadAsync(account, csv);
        await Http.EnsureAsync(response, 201);
        response.Headers.Location!.ToString().Should().StartWith("/locations/contacts/imports/");
        return await Http.JsonAsync(response);
    }

    /// <summary>Asks for the apply (a job, 202), waits for the job to finish, and returns the import as it then is.</summary>
    public static async Task<JsonElement> ApplyAsync(TestAccount account, string importId, bool skipInvalidRows = false)
    {
        var response = await account.Client.PostAsync($"/locations/contacts/imports/{importId}/apply?skipInvalidRows={skipInvalidRows}", null);
        await Http.EnsureAsync(response, 202);
        var job = response.Headers.Location!.ToString();
        job.Should().StartWith("/locations/jobs/");
        await Eventually.MatchAsync(async () => (await Http.JsonAsync(await account.Client.GetAsync(job))).GetProperty("job").GetProperty("status").GetString(),
            status => status is "completed" or "failed" or "cancelled", $"import {importId}'s job {job}", timeoutMs: 60_000);
        var import = await Http.JsonAsync(await account.Client.GetAsync($"/locations/contacts/imports/{importId}"));
        import.GetProperty("applyJobId").GetString().Should().Be(job.Split('/')[^1]);
        return import;
    }

    public static async Task<int> ContactCountAsync(DndApp app, TestAccount account)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DndDbContext>().Contacts.CountAsync(c => c.AccountId == account.Id);
    }

    public static async Task<int> LedgerCountAsync(DndApp app, TestAccount account)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DndDbContext>().Ledger.CountAsync(l => l.AccountId == account.Id);
    }

    /// <summary>A CSV response's rows, each as column name → value.</summary>
    public static async Task<List<Dictionary<string, string>>> ReadCsvAsync(HttpResponseMessage response)
    {
        await Http.EnsureAsync(response, 200);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        using var csv = CsvReader.FromText(await response.Content.ReadAsStringAsync());
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(csv.Headers.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => csv.GetString(x.i)));
        }
        return rows;
    }

    public static IEnumerable<JsonElement> Issues(JsonElement import) => import.GetProperty("issues").GetProperty("issues").EnumerateArray();
}
