using System.Net.Http.Json;
using System.Text.Json;
using Dnd.Crm.Persistence;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Tests.Infrastructure.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Host.Tests.Subscriptions;

/// <summary>
/// Outbound DND webhooks end to end: a consent change reaches a subscribed receiver signed, retried with backoff, in
/// order per contact without holding other contacts back, given up after 24 hours, redelivered on request, and logged.
/// </summary>
public sealed class WebhookSubscriptionTests(WebhookFixture fx) : IClassFixture<WebhookFixture>
{
    private sealed record Subscribed(TestAccount Account, string Id, string Hook, string Secret);

    private async Task<Subscribed> SubscribeAsync(params string[] events)
    {
        var account = await TestAccount.CreateAsync(fx.App);
        var url = fx.Receiver.NewHook(out var hook);
        var response = await account.Client.PostAsJsonAsync("/locations/webhook-subscriptions/", new { url, events });
        await Http.EnsureAsync(response, 201);
        var created = await Http.JsonAsync(response);
        var secret = created.GetProperty("secret").GetString()!;
        fx.Receiver.Trust(hook, secret);
        return new Subscribed(account, created.GetProperty("subscription").GetProperty("id").GetString()!, hook, secret);
    }

    private static async Task<string> ContactAsync(TestAccount account, string phone) =>
        (await account.CreateContactAsync(new { phone })).GetProperty("id").GetString()!;

    private static async Task<JsonElement> DeliveriesAsync(Subscribed s) =>
        (await Http.JsonAsync(await s.Account.Client.GetAsync($"/locations/webhook-subscriptions/{s.Id}/deliveries"))).GetProperty("deliveries");

    private static string Phone() => "+1555" + Random.Shared.Next(1_000_000, 9_999_999);

    [Fact]
    public async Task A_stop_reaches_the_receiver_as_a_signed_ContactDndUpdate_with_sms_blocked_and_its_ledger_line()
    {
        var s = await SubscribeAsync("ContactDndUpdate", "ConsentLedgerEntry");
        var phone = Phone();
        var contact = await ContactAsync(s.Account, phone);

        await Twilio.InboundAsync(fx.App, s.Account, phone, "STOP");
        await fx.PassesAsync();

        var received = fx.Receiver.For(s.Hook);
        received.Should().NotBeEmpty().And.OnlyContain(r => r.SignatureValid && r.Answered == 200);
        var update = received.Single(r => r.Event == "ContactDndUpdate");
        var body = JsonDocument.Parse(update.Body).RootElement;
        (body.GetProperty("type").GetString(), body.GetProperty("locationId").GetString(), body.GetProperty("id").GetString())
            .Should().Be(("ContactDndUpdate", s.Account.Id, contact));
        // The contact's state after the change, as the contact API shows it (a STOP is the contact's own, permanent, opt-out).
        body.GetProperty("dndSettings").GetProperty("SMS").GetProperty("status").GetString().Should().Be("permanent")
            .And.Be(await s.Account.DndStatusAsync(contact, "SMS"));
        body.GetProperty("phone").GetString().Should().Be(phone);
        var line = received.Where(r => r.Event == "ConsentLedgerEntry" && r.Subject == contact)
            .Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("entry")).Should().ContainSingle().Subject;
        (line.GetProperty("channel").GetString(), line.GetProperty("before").GetString(), line.GetProperty("after").GetString(), line.GetProperty("verdict").GetString())
            .Should().Be(("SMS", "Inactive", "Permanent", "Applied"));
        line.GetProperty("rule").GetString().Should().NotBeNullOrEmpty();
        update.Body.Should().NotContain(s.Secret).And.NotContain(s.Account.TwilioToken);
        (await DeliveriesAsync(s)).EnumerateArray().Should().OnlyContain(d => d.GetProperty("status").GetString() == "delivered");
    }

    [Fact]
    public void The_receivers_check_refuses_a_tampered_body_a_wrong_secret_and_an_old_timestamp()
    {
        var now = DateTimeOffset.UtcNow;
        const string body = "{\"type\":\"ContactDndUpdate\",\"id\":\"c1\"}";
        var header = Dnd.Crm.Subscriptions.WebhookSignature.Compute("whsec_a", now, body);

        WebhookReceiver.Verify("whsec_a", header, body, now).Should().BeTrue();
        WebhookReceiver.Verify("whsec_a", header, body.Replace("c1", "c2"), now).Should().BeFalse("the body was changed after signing");
        WebhookReceiver.Verify("whsec_b", header, body, now).Should().BeFalse("another subscription's secret");
        WebhookReceiver.Verify("whsec_a", header, body, now.AddMinutes(6)).Should().BeFalse("a replay past the 5-minute window");
    }

    [Fact]
    public async Task A_failing_delivery_is_retried_with_backoff_and_holds_back_only_its_own_contacts_later_events()
    {
        var s = await SubscribeAsync("ContactDndUpdate");
        var (phoneA, phoneB) = (Phone(), Phone());
        var (a, b) = (await ContactAsync(s.Account, phoneA), await ContactAsync(s.Account, phoneB));
        fx.Receiver.Fail(s.Hook, a, times: 1);
        await Twilio.InboundAsync(fx.App, s.Account, phoneA, "STOP");
        await Twilio.InboundAsync(fx.App, s.Account, phoneA, "START");
        await Twilio.InboundAsync(fx.App, s.Account, phoneB, "STOP");

        await fx.PassesAsync();
        fx.Receiver.For(s.Hook).Select(r => (r.Subject, r.Answered)).Should().BeEquivalentTo([(a, 500), (b, 200)],
            "A's second event waits while its first is retried; B's is not held back");
        await fx.PassesAsync();
        fx.Receiver.For(s.Hook).Should().HaveCount(2, "the retry is not due before its backoff");

        fx.Clock.Advance(TimeSpan.FromSeconds(13)); // past the first backoff: 10 s, jittered by up to 20 %
        await fx.PassesAsync();

        var forA = fx.Receiver.For(s.Hook).Where(r => r.Subject == a).ToList();
        forA.Select(r => r.Answered).Should().Equal(500, 200, 200);
        forA[0].DeliveryId.Should().Be(forA[1].DeliveryId, "a retry is the same delivery, for the receiver to dedupe");
        forA[2].DeliveryId.Should().BeGreaterThan(forA[1].DeliveryId);
        forA.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("dndSettings").GetProperty("SMS").GetProperty("status").GetString())
            .Should().Equal("permanent", "permanent", "inactive");
        var first = (await DeliveriesAsync(s)).EnumerateArray().Single(d => d.GetProperty("id").GetInt64() == forA[0].DeliveryId);
        first.GetProperty("status").GetString().Should().Be("delivered");
        first.GetProperty("log").EnumerateArray().Select(l => l.GetProperty("statusCode").GetInt32()).Should().Equal(500, 200);
        first.GetProperty("log")[0].GetProperty("responseExcerpt").GetString().Should().Be("receiver is down");
    }

    [Fact]
    public async Task A_delivery_that_keeps_failing_is_retried_for_24_hours_then_failed_and_a_redelivery_is_sent_and_logged()
    {
        var s = await SubscribeAsync("ContactDndUpdate");
        var phone = Phone();
        var contact = await ContactAsync(s.Account, phone);
        fx.Receiver.Fail(s.Hook, contact, times: 1000);
        await Twilio.InboundAsync(fx.App, s.Account, phone, "STOP");
        await fx.PassesAsync();
        var start = fx.Clock.GetUtcNow();

        while (fx.Clock.GetUtcNow() - start < TimeSpan.FromHours(23))
        {
            fx.Clock.Advance(TimeSpan.FromMinutes(70)); // past the longest backoff (an hour, jittered)
            await fx.PassesAsync();
        }
        var delivery = (await DeliveriesAsync(s)).EnumerateArray().Single();
        delivery.GetProperty("status").GetString().Should().Be("pending", "under 24 hours since the first attempt");
        fx.Clock.Advance(TimeSpan.FromHours(2));
        await fx.PassesAsync();
        delivery = (await DeliveriesAsync(s)).EnumerateArray().Single();
        delivery.GetProperty("status").GetString().Should().Be("failed");
        var tries = delivery.GetProperty("attempts").GetInt32();
        tries.Should().BeInRange(15, 40, "backoff doubles from 10 s up to an hour");
        fx.Clock.Advance(TimeSpan.FromHours(2));
        await fx.PassesAsync();
        fx.Receiver.For(s.Hook).Should().HaveCount(tries, "nothing is sent once failed");

        fx.Receiver.Fail(s.Hook, contact, times: 0);
        var id = delivery.GetProperty("id").GetInt64();
        var response = await s.Account.Client.PostAsync($"/locations/webhook-subscriptions/{s.Id}/deliveries/{id}/redeliver", null);
        await Http.EnsureAsync(response, 200);
        (await Http.JsonAsync(response)).GetProperty("attempt").GetProperty("statusCode").GetInt32().Should().Be(200);
        fx.Receiver.For(s.Hook)[^1].Should().Match<WebhookReceiver.Received>(r => r.DeliveryId == id && r.SignatureValid && r.Answered == 200);
        delivery = (await DeliveriesAsync(s)).EnumerateArray().Single();
        delivery.GetProperty("status").GetString().Should().Be("delivered");
        var last = delivery.GetProperty("log").EnumerateArray().Last();
        (last.GetProperty("redelivery").GetBoolean(), last.GetProperty("statusCode").GetInt32()).Should().Be((true, 200));
    }

    [Fact]
    public async Task An_account_without_subscriptions_stages_no_deliveries()
    {
        var account = await TestAccount.CreateAsync(fx.App);
        var phone = Phone();
        await ContactAsync(account, phone);
        await Twilio.InboundAsync(fx.App, account, phone, "STOP");

        await using var scope = fx.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        (await db.Ledger.CountAsync(l => l.AccountId == account.Id)).Should().BePositive("the STOP was recorded");
        (await db.WebhookDeliveries.CountAsync(d => d.AccountId == account.Id)).Should().Be(0);
    }

    [Fact]
    public async Task Subscriptions_are_validated_listed_without_their_secret_rotated_and_deleted()
    {
        var account = await TestAccount.CreateAsync(fx.App);
        var bad = await account.Client.PostAsJsonAsync("/locations/webhook-subscriptions/", new { url = "http://example.com/hook", events = new[] { "Nope" } });
        var problem = await Http.ProblemAsync(bad, 422);
        problem.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).Should().BeEquivalentTo("url", "events");
        await Http.ProblemAsync(await account.Client.PostAsJsonAsync("/locations/webhook-subscriptions/", new { url = "ftp://127.0.0.1/x", events = new[] { "ContactDndUpdate" } }), 422);
        await Http.ProblemAsync(await account.Client.PostAsJsonAsync("/locations/webhook-subscriptions/", new { url = "https://example.com/x", events = Array.Empty<string>() }), 422);

        var created = await account.Client.PostAsJsonAsync("/locations/webhook-subscriptions/", new { url = "https://example.com/hook", events = new[] { "consentledgerentry" } });
        await Http.EnsureAsync(created, 201);
        var json = await Http.JsonAsync(created);
        var (id, secret) = (json.GetProperty("subscription").GetProperty("id").GetString()!, json.GetProperty("secret").GetString()!);
        json.GetProperty("subscription").GetProperty("events").EnumerateArray().Select(e => e.GetString()).Should().Equal("ConsentLedgerEntry");
        secret.Should().StartWith("whsec_");

        var list = await account.Client.GetAsync("/locations/webhook-subscriptions/");
        await Http.EnsureAsync(list, 200);
        var listed = await list.Content.ReadAsStringAsync();
        listed.Should().Contain(id).And.NotContain(secret).And.NotContain("secret\"");

        var rotated = await account.Client.PostAsync($"/locations/webhook-subscriptions/{id}/rotate-secret", null);
        await Http.EnsureAsync(rotated, 200);
        (await Http.JsonAsync(rotated)).GetProperty("secret").GetString().Should().StartWith("whsec_").And.NotBe(secret);

        var other = await TestAccount.CreateAsync(fx.App);
        await Http.ProblemAsync(await other.Client.DeleteAsync($"/locations/webhook-subscriptions/{id}"), 404);
        await Http.EnsureAsync(await account.Client.DeleteAsync($"/locations/webhook-subscriptions/{id}"), 200);
        await Http.ProblemAsync(await account.Client.DeleteAsync($"/locations/webhook-subscriptions/{id}"), 404);
        await Http.ProblemAsync(await account.Client.GetAsync($"/locations/webhook-subscriptions/{id}/deliveries"), 404);
    }
}
