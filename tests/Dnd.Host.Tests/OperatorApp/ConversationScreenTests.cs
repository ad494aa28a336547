using System.Net.Http.Json;
using Dnd.Host.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Dnd.Host.Tests.OperatorApp;

/// <summary>The conversation in Chromium: the messages as the API lists them, sends through the API's DND gate, live.</summary>
[Collection(ScreenCollection.Name)]
public class ConversationScreenTests
{
    [Fact]
    public async Task Staff_read_a_stop_and_its_confirmation_cannot_pick_sms_and_send_an_email()
    {
        await using var app = await OperatorBrowser.StartAsync();
        var phone = "+1555" + Random.Shared.Next(1_000_000, 9_999_999);
        var email = $"ada-{app.Account.Id}@example.com";
        var id = (await app.Account.CreateContactAsync(new { firstName = "Ada", lastName = "Lovelace", phone, email })).GetProperty("id").GetString()!;
        await Http.EnsureAsync(await app.Account.Client.PostAsJsonAsync("/conversations/messages",
            new { type = "SMS", contactId = id, message = "Your table for two is booked for Friday" }), 200);
        await Twilio.InboundAsync(app.App, app.Account, phone, "STOP");

        var page = await app.SignInAsync($"/app/contacts/{id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Conversation" }).ClickAsync();
        await app.WaitForUrlAsync(page, url => url.EndsWith($"/app/contacts/{id}/conversation", StringComparison.Ordinal), "opening the conversation");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ada Lovelace", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status, new() { Name = "DND Partial", Exact = true })).ToBeVisibleAsync();

        // Oldest first: our SMS (cancelled by the STOP, saying so), the contact's STOP, the one confirmation.
        var messages = page.GetByRole(AriaRole.List, new() { Name = "Messages" }).GetByRole(AriaRole.Listitem);
        await Assertions.Expect(messages).ToHaveCountAsync(3);
        await Assertions.Expect(messages.Nth(0)).ToContainTextAsync("To contact · SMS");
        await Assertions.Expect(messages.Nth(0)).ToContainTextAsync("Your table for two is booked for Friday");
        await Assertions.Expect(messages.Nth(0)).ToContainTextAsync("Cancelled: ");
        await Assertions.Expect(messages.Nth(1)).ToContainTextAsync("From contact · SMS");
        await Assertions.Expect(messages.Nth(1)).ToContainTextAsync("STOP");
        await Assertions.Expect(messages.Nth(2)).ToContainTextAsync("Opt-out confirmation");

        // SMS cannot be chosen, and says why in the send path's words.
        await page.GetByLabel("Channel").ClickAsync();
        var sms = page.GetByRole(AriaRole.Option, new() { Name = "SMS — SMS DND is permanent" });
        await Assertions.Expect(sms).ToBeVisibleAsync();
        await Assertions.Expect(sms).ToBeDisabledAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Email", Exact = true }).ClickAsync();

        await page.GetByRole(AriaRole.Textbox, new() { Name = "Subject", Exact = true }).FillAsync("Sorry to see you go");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Message", Exact = true }).FillAsync("Your booking on Friday still stands.");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Transactional" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Message queued" })).ToBeVisibleAsync();
        await Assertions.Expect(messages).ToHaveCountAsync(4);
        await Assertions.Expect(messages.Nth(3)).ToContainTextAsync("To contact · Email");
        await Assertions.Expect(messages.Nth(3)).ToContainTextAsync("Sorry to see you go");
        await Assertions.Expect(messages.Nth(3)).ToContainTextAsync("Your booking on Friday still stands.");
        await Assertions.Expect(messages.Nth(3)).ToContainTextAsync("Transactional");
        await Assertions.Expect(messages.Nth(3).Locator("[data-status]")).ToHaveTextAsync("Queued");
        var sent = (await Http.JsonAsync(await app.Account.Client.GetAsync($"/conversations/messages?contactId={id}"))).GetProperty("messages");
        sent.GetArrayLength().Should().Be(4, "the screen sent through the API's path, and the API lists it");
        sent[3].GetProperty("purpose").GetString().Should().Be("transactional");

        await Screens.SaveAsync(page, "conversation.png");

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to contact" }).ClickAsync();
        await app.WaitForUrlAsync(page, url => url.EndsWith($"/app/contacts/{id}", StringComparison.Ordinal), "going back to the contact");
    }

    [Fact]
    public async Task A_reply_by_webhook_and_a_send_by_an_integration_appear_without_a_reload()
    {
        await using var app = await OperatorBrowser.StartAsync();
        var phone = "+1555" + Random.Shared.Next(1_000_000, 9_999_999);
        var id = (await app.Account.CreateContactAsync(new { firstName = "Grace", phone, email = $"grace-{app.Account.Id}@example.com" }))
            .GetProperty("id").GetString()!;
        var page = await app.SignInAsync($"/app/contacts/{id}/conversation");
        await Assertions.Expect(page.GetByText("No messages with this contact yet.")).ToBeVisibleAsync();
        var messages = page.GetByRole(AriaRole.List, new() { Name = "Messages" }).GetByRole(AriaRole.Listitem);

        // A send leaves the contact's revision as it was: the page sees it by its messages.
        await Http.EnsureAsync(await app.Account.Client.PostAsJsonAsync("/conversations/messages",
            new { type = "Email", contactId = id, subject = "About Friday", message = "It is the Dnd bistro, about your booking." }), 200);
        await Assertions.Expect(messages).ToHaveCountAsync(1, new() { Timeout = 6_000 });
        await Assertions.Expect(messages.Nth(0)).ToContainTextAsync("About Friday");

        await Twilio.InboundAsync(app.App, app.Account, phone, "Who is this?");
        await Assertions.Expect(messages).ToHaveCountAsync(2, new() { Timeout = 6_000 });
        await Assertions.Expect(messages.Nth(1)).ToContainTextAsync("From contact · SMS");
        await Assertions.Expect(messages.Nth(1)).ToContainTextAsync("Who is this?");
    }

    [Fact]
    public async Task An_unknown_contact_is_a_friendly_not_found()
    {
        await using var app = await OperatorBrowser.StartAsync();

        var page = await app.SignInAsync("/app/contacts/no-such-contact/conversation");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Contact not found" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Back to contacts" })).ToBeVisibleAsync();
    }
}
