using System.Net.Http.Json;
using System.Text.Json;
using Dnd.Crm.Delivery;
using Dnd.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Host.Tests.QuietHours;

/// <summary>
/// Through the API and the outbox: marketing outside the recipient's sending window waits, still queued (so an opt-out
/// still cancels it), says why, and leaves when the window opens; transactional messages go at once.
/// </summary>
public class QuietHoursOutboxTests : IAsyncLifetime
{
    // 07:00 UTC: 02:00 in New York, 08:00 in Madrid.
    private static readonly DateTimeOffset TwoAmInNewYork = DateTimeOffset.Parse("2026-11-26T07:00:00Z");

    private readonly TestClock _clock = new(TwoAmInNewYork - DateTimeOffset.UtcNow);
    private readonly RecordingTransport _transport = new();
    private readonly DndApp _app;
    private TestAccount _account = null!;

    public QuietHoursOutboxTests() => _app = new DndApp(services: s => s.AddSingleton<TimeProvider>(_clock).AddSingleton<IMessageTransport>(_transport),
        // The background pass stays out of the way: the test runs the outbox's passes itself, at the times it sets.
        settings: new Dictionary<string, string> { ["Dnd:Messaging:PollInterval"] = "01:00:00" });

    public async Task InitializeAsync()
    {
        _account = await TestAccount.CreateAsync(_app);
        await Http.EnsureAsync(await _account.Client.PutAsJsonAsync("/locations/dnd-settings/", new { sendingWindow = "08:00-21:00" }), 200);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<string> ContactAsync(object body) => (await _account.CreateContactAsync(body)).GetProperty("id").GetString()!;

    private async Task<JsonElement> SendAsync(string contactId, string purpose = "marketing")
    {
        var response = await _account.Client.PostAsJsonAsync("/conversations/messages", new { type = "SMS", contactId, message = "Our sale starts today", purpose });
        await Http.EnsureAsync(response, 200);
        return await Http.JsonAsync(response);
    }

    private async Task<JsonElement> MessageAsync(string contactId, string messageId) =>
        (await Http.JsonAsync(await _account.Client.GetAsync($"/conversations/messages?contactId={contactId}")))
        .GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("id").GetString() == messageId);

    private Task<int> OutboxPassAsync() => _app.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);

    [Fact]
    public async Task Marketing_at_two_in_the_morning_waits_for_eight_while_transactional_goes_now()
    {
        var newYorker = await ContactAsync(new { phone = "+12125550100" });

        var marketing = await SendAsync(newYorker);
        var receipt = await SendAsync(newYorker, "transactional");
        await OutboxPassAsync();

        marketing.GetProperty("msg").GetString().Should().StartWith("Message waiting for quiet hours to end");
        var waiting = await MessageAsync(newYorker, marketing.GetProperty("messageId").GetString()!);
        waiting.GetProperty("status").GetString().Should().Be("queued");
        waiting.GetProperty("statusReason").GetString().Should().Contain("America/New_York (from the phone number)").And.Contain("2026-11-26 13:00 UTC");
        _transport.Delivered.Should().Equal(receipt.GetProperty("messageId").GetString());

        _clock.Advance(TimeSpan.FromHours(6));
        await OutboxPassAsync();

        _transport.Delivered.Should().Contain(marketing.GetProperty("messageId").GetString());
        var sent = await MessageAsync(newYorker, marketing.GetProperty("messageId").GetString()!);
        sent.GetProperty("status").GetString().Should().Be("sent");
        (sent.TryGetProperty("statusReason", out var reason) ? reason.GetString() : null).Should().BeNull("the wait is over");
    }

    [Fact]
    public async Task The_contacts_own_time_zone_decides_and_a_stop_cancels_a_waiting_message()
    {
        var inMadrid = await ContactAsync(new { phone = "+12125550101", timezone = "Europe/Madrid" });
        var sleeping = await ContactAsync(new { phone = "+12125550102" });

        var now = await SendAsync(inMadrid);
        var later = await SendAsync(sleeping);
        await Twilio.InboundAsync(_app, _account, "+12125550102", "STOP");
        _clock.Advance(TimeSpan.FromHours(6));
        await OutboxPassAsync();

        now.GetProperty("msg").GetString().Should().Be("Message queued", "08:00 in Madrid is inside the window");
        _transport.Delivered.Should().Equal(now.GetProperty("messageId").GetString());
        (await MessageAsync(sleeping, later.GetProperty("messageId").GetString()!)).GetProperty("status").GetString().Should().Be("cancelled");
    }

    [Fact]
    public async Task A_window_narrowed_while_a_message_waits_is_read_again_when_it_leaves()
    {
        var newYorker = await ContactAsync(new { phone = "+12125550103" });
        var waiting = (await SendAsync(newYorker)).GetProperty("messageId").GetString()!;

        await Http.EnsureAsync(await _account.Client.PutAsJsonAsync("/locations/dnd-settings/", new { sendingWindow = "10:00-21:00" }), 200);
        _clock.Advance(TimeSpan.FromHours(6));
        await OutboxPassAsync();

        _transport.Delivered.Should().NotContain(waiting, "08:00 in New York is now before the window");
        (await MessageAsync(newYorker, waiting)).GetProperty("statusReason").GetString().Should().Contain("opens at 2026-11-26 15:00 UTC");
        _clock.Advance(TimeSpan.FromHours(2));
        await OutboxPassAsync();
        _transport.Delivered.Should().Contain(waiting);
    }

    [Fact]
    public async Task Bad_windows_and_time_zones_are_refused_by_name()
    {
        var window = await Http.ProblemAsync(await _account.Client.PutAsJsonAsync("/locations/dnd-settings/", new { sendingWindow = "9am-5pm" }), 422);
        var zone = await Http.ProblemAsync(await _account.Client.PostAsJsonAsync("/contacts/", new { phone = "+12125550104", timezone = "Mars/Olympus" }), 422);

        window.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).Should().ContainSingle(e => e!.StartsWith("sendingWindow") && e.Contains("HH:mm-HH:mm"));
        zone.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).Should().ContainSingle(e => e!.StartsWith("timezone") && e.Contains("Mars/Olympus"));
        var settings = await Http.JsonAsync(await _account.Client.GetAsync("/locations/dnd-settings/"));
        settings.GetProperty("sendingWindow").GetString().Should().Be("08:00-21:00");
        settings.GetProperty("sendingWindowOverridden").GetBoolean().Should().BeTrue();
    }
}
