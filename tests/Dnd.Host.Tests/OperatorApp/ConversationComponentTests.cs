using Bunit;
using Dnd.Host.Api.Conversations;
using Dnd.Host.OperatorApp.ConversationScreen;
using Dnd.Rules.Consent;
using MudBlazor;

namespace Dnd.Host.Tests.OperatorApp;

/// <summary>The conversation's parts: a message bubble's words, the compose box's channels.</summary>
public class ConversationComponentTests : ComponentTest
{
    private static readonly DateTimeOffset At = new(2026, 3, 4, 14, 2, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("skipped", "marketing", "SMS DND is permanent (keyword_opt_out): replied STOP", "Skipped by DND: SMS DND is permanent (keyword_opt_out): replied STOP")]
    [InlineData("cancelled", "marketing", "SMS DND became permanent (ledger line 7)", "Cancelled: SMS DND became permanent (ledger line 7)")]
    [InlineData("held", "marketing", "held: a possible opt-out on SMS waits for staff review; marketing waits with it",
        "Held for review: a possible opt-out on SMS waits for staff review; marketing waits with it")]
    [InlineData("queued", "marketing", null, "Queued")]
    [InlineData("sent", "transactional", null, "Sent")]
    public void A_bubble_says_its_status_in_words_with_the_reason(string status, string purpose, string? reason, string words)
    {
        var bubble = Render<MessageBubble>(p => p.Add(b => b.Message, Message("outbound", status, "Spring sale: 20% off", reason, purpose)));

        bubble.Find("[data-status]").TextContent.Should().Be(words);
        bubble.Find("[data-field=body]").TextContent.Should().Be("Spring sale: 20% off");
        bubble.Find("li").GetAttribute("data-direction").Should().Be("outbound");
        bubble.Markup.Should().Contain("To contact · SMS").And.Contain("4 Mar 2026, 14:02");
    }

    [Fact]
    public void A_message_waiting_for_quiet_hours_says_so_and_until_when()
    {
        const string reason = "waiting for quiet hours to end: the sending window 08:00-21:00 in America/New_York (from the phone number) opens at 2026-03-04 13:00 UTC";
        var bubble = Render<MessageBubble>(p => p.Add(b => b.Message, Message("outbound", "queued", "Spring sale", reason, "marketing", At.AddHours(1))));

        bubble.Find("[data-status]").TextContent.Should().Be("W" + reason[1..]);
    }

    [Fact]
    public void The_opt_out_confirmation_is_named_and_an_inbound_stop_is_from_the_contact()
    {
        var confirmation = Render<MessageBubble>(p => p.Add(b => b.Message,
            Message("outbound", "queued", "You are unsubscribed and will get no more messages.", "the one confirmation allowed", "opt-out-confirmation")));
        var stop = Render<MessageBubble>(p => p.Add(b => b.Message, Message("inbound", "received", "STOP", null, "marketing")));
        var blocked = Render<MessageBubble>(p => p.Add(b => b.Message, Message("inbound", "blocked-inbound-dnd", "hello?", null, "marketing")));

        confirmation.Find("[data-purpose]").TextContent.Should().Be("Opt-out confirmation");
        confirmation.Find("[data-status]").TextContent.Should().Be("Queued");
        stop.Find("[data-status]").TextContent.Should().Be("Received");
        stop.Markup.Should().Contain("From contact · SMS");
        stop.FindAll("[data-purpose]").Should().BeEmpty();
        blocked.Find("[data-status]").TextContent.Should().Be("Blocked by inbound DND");
    }

    [Fact]
    public void An_email_body_is_shown_as_its_text_never_as_markup()
    {
        var html = "<p>Hello <b>Ada</b> &amp; co</p><script>alert(1)</script><img src=x onerror=alert(2)>\n<p style=\"font-size:12px\"><a href=\"https://x/u\">Unsubscribe</a></p>";
        var bubble = Render<MessageBubble>(p => p.Add(b => b.Message, Message("outbound", "queued", html, null, "marketing") with
        {
            Channel = "Email", Subject = "Your <i>order</i>",
        }));

        bubble.Find("[data-field=body]").TextContent.Should().Be("Hello Ada & co\n\nUnsubscribe");
        bubble.Find("[data-field=subject]").TextContent.Should().Be("Your <i>order</i>");
        bubble.FindAll("script, img, b, i, a[href='https://x/u']").Should().BeEmpty();
    }

    [Fact]
    public void The_compose_select_disables_a_blocked_channel_and_shows_its_reason()
    {
        var popovers = Render<MudPopoverProvider>();
        var reason = "SMS DND is permanent (keyword_opt_out): Contact replied STOP";
        var compose = Render<ComposeBox>(p => p
            .Add(c => c.Channels, [new ComposeChannel(Channel.Sms, "SMS", reason), new ComposeChannel(Channel.Email, "Email", null)])
            .Add(c => c.Send, _ => Task.FromResult(new SendAnswer(false, "Message queued"))));

        compose.Find("input.mud-select-input").ParentElement!.ParentElement!.MouseDown();

        var options = popovers.WaitForElements(".mud-list-item");
        var sms = options.Single(o => o.TextContent.Contains("SMS"));
        sms.TextContent.Trim().Should().Be($"SMS — {reason}");
        sms.ClassList.Should().Contain("mud-list-item-disabled");
        var email = options.Single(o => o.TextContent.Contains("Email"));
        email.ClassList.Should().NotContain("mud-list-item-disabled");
        compose.Find("input.mud-select-input").GetAttribute("value").Should().Be("Email", "the first open channel is chosen, never a blocked one");
    }

    [Fact]
    public void A_refused_send_shows_the_reason_and_keeps_the_text()
    {
        var compose = Render<ComposeBox>(p => p
            .Add(c => c.Channels, [new ComposeChannel(Channel.Sms, "SMS", null)])
            .Add(c => c.Send, _ => Task.FromResult(new SendAnswer(true, "Cannot send SMS to this contact: SMS DND is permanent"))));

        compose.Find("textarea").Input("Hello");
        compose.Find("form").Submit();

        compose.WaitForAssertion(() => compose.Find("[role=alert]").TextContent.Should().Contain("Cannot send SMS to this contact: SMS DND is permanent"));
        compose.Find("textarea").GetAttribute("value").Should().Be("Hello");
    }

    private static MessageDto Message(string direction, string status, string body, string? reason, string purpose, DateTimeOffset? notBefore = null) =>
        new("m1", "acc", "c1", "SMS", direction, status, null, body, "{}", null, reason, null, At, purpose, notBefore);
}
