using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Webhooks;

namespace Dnd.Host.Tests.Reviews;

/// <summary>E-mail replies reach the product through a Mailgun inbound route and are read for opt-outs like texts.</summary>
public class MailgunInboundTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    private Task<HttpResponseMessage> ReplyAsync(TestAccount account, string sender, string text, string? key = null, DateTimeOffset? signedAt = null,
        string? messageId = null)
    {
        var timestamp = (signedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString();
        var token = Guid.NewGuid().ToString("N");
        var form = new MultipartFormDataContent
        {
            { new StringContent(sender), "sender" },
            { new StringContent("Re: Our weekend offers"), "subject" },
            { new StringContent($"{text}\n\nOn Mon, Shop wrote:\n> Weekend offers inside"), "body-plain" },
            { new StringContent(text), "stripped-text" },
            { new StringContent(messageId ?? $"<{Guid.NewGuid():N}@mail.example.com>"), "Message-Id" },
            { new StringContent(timestamp), "timestamp" },
            { new StringContent(token), "token" },
            { new StringContent(MailgunSignature.Compute(key ?? account.MailgunKey, timestamp, token)), "signature" },
        };
        return _app.CreateClient().PostAsync($"/webhooks/mailgun/{account.Id}/inbound", form);
    }

    [Fact]
    public async Task An_email_reply_asking_to_unsubscribe_stops_email_and_an_everyday_reply_changes_nothing()
    {
        var account = await TestAccount.CreateAsync(_app);
        var stop = (await account.CreateContactAsync(new { email = "Reader@Example.com" })).GetProperty("id").GetString()!;
        var chat = (await account.CreateContactAsync(new { email = "chat@example.com" })).GetProperty("id").GetString()!;

        await Http.EnsureAsync(await ReplyAsync(account, "Reader <reader@example.com>", "Please unsubscribe me from this list."), 200);
        await Http.EnsureAsync(await ReplyAsync(account, "chat@example.com", "Thanks! See you at the end of the day."), 200);

        (await account.DndStatusAsync(stop, "Email")).Should().Be("permanent");
        (await account.DndStatusAsync(stop, "SMS")).Should().Be("inactive", "the reply came by e-mail");
        (await account.DndStatusAsync(chat, "Email")).Should().Be("inactive");
        var line = (await account.LedgerAsync(stop)).EnumerateArray().Single(l => l.GetProperty("verdict").GetString() == "Applied");
        line.GetProperty("actedBy").GetString().Should().Contain("e-mail reply");
        var inbox = await Http.JsonAsync(await account.Client.GetAsync($"/conversations/messages?contactId={chat}"));
        inbox.GetProperty("messages").EnumerateArray().Single().GetProperty("body").GetString().Should().Be("Thanks! See you at the end of the day.");
    }

    [Fact]
    public async Task Unsigned_stale_or_repeated_replies_change_nothing()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { email = "guard@example.com" })).GetProperty("id").GetString()!;

        await Http.ProblemAsync(await ReplyAsync(account, "guard@example.com", "unsubscribe me", key: "not-the-key"), 403);
        await Http.ProblemAsync(await ReplyAsync(account, "guard@example.com", "unsubscribe me", signedAt: DateTimeOffset.UtcNow.AddHours(-2)), 406);
        await Http.ProblemAsync(await _app.CreateClient().PostAsync($"/webhooks/mailgun/{account.Id}/inbound", new StringContent("{}")), 403);
        (await account.DndStatusAsync(id, "Email")).Should().Be("inactive");

        await Http.EnsureAsync(await ReplyAsync(account, "guard@example.com", "Remove me", messageId: "<same@x>"), 200);
        var lines = (await account.LedgerAsync(id)).GetArrayLength();
        var again = await Http.JsonAsync(await ReplyAsync(account, "guard@example.com", "Remove me", messageId: "<same@x>"));
        var stranger = await ReplyAsync(account, "nobody@example.com", "unsubscribe");

        again.GetProperty("duplicate").GetBoolean().Should().BeTrue();
        (await account.LedgerAsync(id)).GetArrayLength().Should().Be(lines);
        await Http.EnsureAsync(stranger, 200);
    }
}
