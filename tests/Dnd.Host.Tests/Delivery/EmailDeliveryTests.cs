using System.Net.Http.Json;
using System.Text;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Tests.Infrastructure.Providers;
using Dnd.Host.Tests.Integrations;
using MimeKit;

namespace Dnd.Host.Tests.Delivery;

/// <summary>E-mail leaves through the account's SMTP server or Mailgun (stand-ins) with its unsubscribe headers, and they work.</summary>
public sealed class EmailDeliveryTests(ProviderFakes fakes) : IClassFixture<ProviderFakes>
{
    private static async Task<string> SendEmailAsync(TestAccount account, string contactId)
    {
        var response = await account.Client.PostAsJsonAsync("/conversations/messages",
            new { type = "Email", contactId, subject = "Spring sale", html = "<p>20% off everything</p>" });
        await Http.EnsureAsync(response, 200);
        return (await Http.JsonAsync(response)).GetProperty("messageId").GetString()!;
    }

    [Fact]
    public async Task An_email_through_smtp_carries_list_unsubscribe_and_its_one_click_post_unsubscribes()
    {
        var account = await TestAccount.CreateAsync(fakes.App);
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync("/locations/compliance/", new { businessName = "Kim's Bakery" }), 200);
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync("/locations/integrations/smtp",
            new { host = fakes.Smtp.Host, port = fakes.Smtp.Port, tlsMode = "none", userName = SmtpFake.User, password = SmtpFake.Password }), 200);
        var address = $"{Guid.NewGuid():N}@example.com";
        var contact = (await account.CreateContactAsync(new { email = address })).GetProperty("id").GetString()!;
        var messageId = await SendEmailAsync(account, contact);

        await fakes.OutboxPassAsync();

        var raw = fakes.Smtp.Received.Should().ContainSingle(m => m.Contains(address)).Subject;
        var mail = await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(raw)));
        mail.Subject.Should().Be("Spring sale");
        mail.From.Mailboxes.Single().Name.Should().Be("Kim's Bakery");
        mail.MessageId.Should().StartWith(messageId);
        mail.Headers["List-Unsubscribe-Post"].Should().Be("List-Unsubscribe=One-Click");
        var link = new Uri(mail.Headers["List-Unsubscribe"].Trim('<', '>'));
        // What a mail client does with RFC 8058's one-click header.
        await Http.EnsureAsync(await fakes.App.CreateClient().PostAsync(link.AbsolutePath,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" })), 200);
        (await account.DndStatusAsync(contact, "Email")).Should().Be("active");
    }

    [Fact]
    public async Task An_email_through_mailgun_carries_its_unsubscribe_headers_and_our_id()
    {
        var account = await TestAccount.CreateAsync(fakes.App);
        var (domain, key) = ($"mg{Guid.NewGuid():N}.example.com", "key-" + Guid.NewGuid().ToString("N"));
        fakes.Mailgun.Domain(domain, key);
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync("/locations/integrations/mailgun", new { domain, apiKey = key }), 200);
        var address = $"{Guid.NewGuid():N}@example.com";
        var contact = (await account.CreateContactAsync(new { email = address })).GetProperty("id").GetString()!;
        var messageId = await SendEmailAsync(account, contact);

        await fakes.OutboxPassAsync();

        var body = fakes.Mailgun.SentBodies.Should().ContainSingle(b => b.Contains(address)).Subject;
        body.Should().Contain("name=\"h:List-Unsubscribe\"").And.Contain("List-Unsubscribe=One-Click")
            .And.Contain("name=\"v:dnd-message-id\"").And.Contain(messageId).And.Contain($"<{messageId}@{domain}>");
        var sent = (await Http.JsonAsync(await account.Client.GetAsync($"/conversations/messages?contactId={contact}"))).GetProperty("messages")[0];
        sent.GetProperty("status").GetString().Should().Be("sent");
        sent.GetProperty("providerMessageId").GetString().Should().EndWith("@" + domain);

        // Mailgun's event names the message by the variable it was sent with.
        var signing = "whsec-" + Guid.NewGuid().ToString("N");
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync("/locations/integrations/mailgun", new { domain, webhookSigningKey = signing }), 200);
        await Http.EnsureAsync(await Mailgun.PostAsync(fakes.App, account, address, "delivered", key: signing,
            userVariables: new Dictionary<string, string> { ["dnd-message-id"] = messageId }), 200);
        (await Http.JsonAsync(await account.Client.GetAsync($"/conversations/messages?contactId={contact}"))).GetProperty("messages")[0]
            .GetProperty("providerStatus").GetString().Should().Be("delivered");
    }
}
