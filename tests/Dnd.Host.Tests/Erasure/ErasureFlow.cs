using System.Net.Http.Json;
using System.Text.Json;
using Dnd.Host.Tests.Infrastructure;

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
}
