using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dnd.Activities.Persistence;
using Dnd.Host.Tests.Imports;
using Dnd.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Host.Tests.Erasure;

/// <summary>Steps of the erasure tests, shared by SQLite and PostgreSQL.</summary>
public static class ErasureFlow
{
    public static string Id(JsonElement contact) => contact.GetProperty("id").GetString()!;

    /// <summary>A contact with a name, custom field, tag, messages, a reviewed reply, a STOP by SMS and an email unsubscribe.</summary>
    public static async Task<(string Id, string Phone, string Email)> OptedOutContactAsync(DndApp app, TestAccount account, string unique)
    {
        var phone = $"+1555{unique}";
        var email = $"erase.{unique}@example.com";
        var contact = Id(await account.CreateContactAsync(new
        {
            firstName = $"Zephyrine{unique}", lastName = $"Quillfeather{unique}", phone, email, companyName = $"Quillworks{unique}", timezone = "Europe/Paris",
            tags = new[] { $"tag{unique}" }, customFields = new[] { new { id = "nickname", value = $"Zeph{unique}" } },
        }));
        await Http.EnsureAsync(await account.Client.PostAsJsonAsync("/conversations/messages",
            new { type = "SMS", contactId = contact, message = $"Hello Zephyrine{unique}" }), 200);
        await Http.EnsureAsync(await Twilio.InboundAsync(app, account, phone, $"Not interested, Zephyrine{unique} here"), 200);
        await Http.EnsureAsync(await Twilio.InboundAsync(app, account, phone, "STOP"), 200);
        await Http.EnsureAsync(await Mailgun.PostAsync(app, account, email, "unsubscribed"), 200);
        (await account.DndStatusAsync(contact, "SMS")).Should().Be("permanent");
        (await account.DndStatusAsync(contact, "Email")).Should().NotBe("inactive");
        return (contact, phone, email);
    }

    public static async Task<JsonElement> EraseAsync(TestAccount account, string contactId)
    {
        var response = await account.Client.PostAsync($"/contacts/{contactId}/erasure", null);
        await Http.EnsureAsync(response, 200);
        return await Http.JsonAsync(response);
    }

    /// <summary>The erased phone and email, given to a new contact in other spellings, block SMS and Email from birth, and a send is refused.</summary>
    public static async Task BornOptedOutAsync(TestAccount account, string phone, string email, string phoneSpelledOtherwise)
    {
        var again = await account.CreateContactAsync(new { phone = phoneSpelledOtherwise, email = email.ToUpperInvariant() });
        again.GetProperty("dndSettings").GetProperty("SMS").GetProperty("status").GetString().Should().Be("permanent");
        again.GetProperty("dndSettings").GetProperty("Email").GetProperty("status").GetString().Should().Be("permanent");
        var born = (await account.LedgerAsync(Id(again))).EnumerateArray().ToList();
        born.Should().Contain(l => l.GetProperty("rule").GetString() == "OptOutKeptThroughErasure" && l.GetProperty("channel").GetString() == "SMS"
                                   && l.GetProperty("explanation").GetString()!.Contains("opted out before an erasure request"));
        await Http.ProblemAsync(await account.Client.PostAsJsonAsync("/conversations/messages", new { type = "SMS", contactId = Id(again), message = "hi" }), 422);
        await Http.ProblemAsync(await account.Client.PostAsJsonAsync("/conversations/messages",
            new { type = "Email", contactId = Id(again), subject = "hi", html = "<p>hi</p>" }), 422);
    }

    /// <summary>
    /// A contact (with no opt-outs, so nothing of its consent is kept) is erased while a CSV holding it is still being
    /// uploaded: the erasure cannot reach that file, and the upload's end blanks the row, so applying the file leaves
    /// the contact out and no copy of it stays in the stored file.
    /// </summary>
    /// <param name="app">Its account's client is the test server's own: the factory's follows redirects, so it reads a POST's whole body first.</param>
    public static async Task ErasedDuringUploadAsync(DndApp app, string unique)
    {
        var account = await TestAccount.CreateAsync(app, app.Server.CreateClient());
        var (name, email) = ($"Zephyrine{unique}", $"erase.{unique}@example.com");
        var contact = Id(await account.CreateContactAsync(new { firstName = name, email }));
        var body = new PausedContent($"First Name,Email\nOlwen,olwen.{unique}@example.com\n{name},{email}\n", $"Ifor,ifor.{unique}@example.com\n", "text/csv");
        var upload = account.Client.PostAsync("/locations/contacts/imports", body);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DndDbContext>();
        await Eventually.MatchAsync(() => db.Imports.AsNoTracking().Where(i => i.AccountId == account.Id).Select(i => i.Status).ToListAsync(),
            statuses => statuses.SequenceEqual(["uploading"]), "the upload under way");

        var receipt = await EraseAsync(account, contact);
        receipt.GetProperty("counts").GetProperty("importRows").GetInt32().Should().Be(0, "the file is still being stored: the upload's end takes the row out");
        body.Release();

        var response = await upload;
        await Http.EnsureAsync(response, 201);
        var import = await Http.JsonAsync(response);
        (import.GetProperty("validRows").GetInt32(), import.GetProperty("rowsWithErrors").GetInt32()).Should().Be((2, 1));
        ImportFiles.Issues(import).Should().ContainSingle(i => i.GetProperty("row").GetInt32() == 2 && i.GetProperty("kind").GetString() == "error")
            .Which.GetProperty("message").GetString().Should().Contain("erased");
        var id = import.GetProperty("id").GetString()!;
        var file = Encoding.UTF8.GetString((await db.ImportChunks.AsNoTracking().Where(c => c.ImportId == id).OrderBy(c => c.Index).Select(c => c.Data).ToListAsync())
            .SelectMany(d => d).ToArray());
        file.Should().Contain($"olwen.{unique}").And.NotContain(email).And.NotContain(name);
        var applied = await ImportFiles.ApplyAsync(account, id, skipInvalidRows: true);
        (applied.GetProperty("created").GetInt32(), applied.GetProperty("skipped").GetInt32()).Should().Be((2, 1));
        (await db.Contacts.Where(c => c.AccountId == account.Id).Select(c => c.FirstName).ToListAsync()).Should().BeEquivalentTo(["Olwen", "Ifor"]);
    }
}
