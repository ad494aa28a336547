using System.Net.Http.Json;
using System.Text.Json;
using Dnd.Host.Tests.Infrastructure;

namespace Dnd.Host.Tests.Reviews;

/// <summary>Steps of the review-queue tests, shared by SQLite and PostgreSQL.</summary>
public static class ReviewFlow
{
    public static async Task<string> SendAsync(TestAccount account, string contactId, string purpose = "marketing")
    {
        var response = await account.Client.PostAsJsonAsync("/conversations/messages", new { type = "SMS", contactId, message = "Weekend sale!", purpose });
        await Http.EnsureAsync(response, 200);
        return (await Http.JsonAsync(response)).GetProperty("messageId").GetString()!;
    }

    public static async Task<List<JsonElement>> ReviewsAsync(TestAccount account, string status = "open") =>
        (await Http.JsonAsync(await account.Client.GetAsync($"/locations/opt-out-reviews?status={status}"))).GetProperty("reviews").EnumerateArray().ToList();

    public static async Task<string> StatusOfAsync(TestAccount account, string contactId, string messageId) =>
        (await Http.JsonAsync(await account.Client.GetAsync($"/conversations/messages?contactId={contactId}")))
        .GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("id").GetString() == messageId).GetProperty("status").GetString()!;

    /// <summary>
    /// A contact who answers our text with "Not interested": a possible opt-out. Returns the contact, the marketing message
    /// queued before it (now held) and its review.
    /// </summary>
    public static async Task<(string Contact, string Held, JsonElement Review)> PossibleOptOutAsync(DndApp app, TestAccount account, string phone)
    {
        var contact = (await account.CreateContactAsync(new { phone, firstName = "Ana", lastName = "Ruiz" })).GetProperty("id").GetString()!;
        var queued = await SendAsync(account, contact);
        var twiml = await (await Twilio.InboundAsync(app, account, phone, "Not interested, thanks")).Content.ReadAsStringAsync();
        twiml.Should().NotContain("<Message>", "nothing is confirmed until staff decide");
        var review = (await ReviewsAsync(account)).Single(r => r.GetProperty("contactId").GetString() == contact);
        return (contact, queued, review);
    }

    /// <summary>Staff confirm it: permanent DND from the original message, the held marketing cancelled, the review closed for good.</summary>
    public static async Task ConfirmAndCheckAsync(DndApp app, TestAccount account, string contact, string held, JsonElement review)
    {
        var id = review.GetProperty("id").GetString()!;
        var answer = await Http.JsonAsync(await account.Client.PostAsJsonAsync($"/locations/opt-out-reviews/{id}/confirm", new { note = "Read as a stop" }));

        answer.GetProperty("review").GetProperty("status").GetString().Should().Be("confirmed");
        (await account.DndStatusAsync(contact, "SMS")).Should().Be("permanent");
        var line = answer.GetProperty("ledger").EnumerateArray().Single(l => l.GetProperty("channel").GetString() == "SMS");
        line.GetProperty("verdict").GetString().Should().Be("Applied");
        line.GetProperty("actedBy").GetString().Should().Contain(TestAccount.KeyName).And.Contain(id).And.Contain("Not interested, thanks");
        line.GetProperty("event").GetString().Should().Contain("revocation.recorded text");
        (await StatusOfAsync(account, contact, held)).Should().Be("cancelled");
        (await ReviewsAsync(account)).Should().NotContain(r => r.GetProperty("id").GetString() == id);
        await Http.ProblemAsync(await account.Client.PostAsJsonAsync($"/locations/opt-out-reviews/{id}/confirm", new { }), 409);
        await Http.ProblemAsync(await account.Client.PostAsJsonAsync($"/locations/opt-out-reviews/{id}/dismiss", new { note = "changed my mind" }), 409);
    }
}
