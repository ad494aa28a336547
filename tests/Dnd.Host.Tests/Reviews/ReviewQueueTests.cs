using System.Net.Http.Json;
using Dnd.Crm.Reviews;
using Dnd.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Dnd.Host.Tests.Reviews.ReviewFlow;

namespace Dnd.Host.Tests.Reviews;

/// <summary>
/// Possible opt-outs wait in the account's review queue, due 10 business days from receipt; meanwhile the channel's
/// marketing is held and transactional messages go. Staff confirm (permanent DND) or dismiss (recorded, marketing released).
/// </summary>
public class ReviewQueueTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    [Fact]
    public async Task A_possible_opt_out_changes_no_dnd_waits_for_staff_and_holds_marketing_but_not_transactional_sends()
    {
        var account = await TestAccount.CreateAsync(_app);
        var (contact, held, review) = await PossibleOptOutAsync(_app, account, "+15551630001");

        (await account.DndStatusAsync(contact, "SMS")).Should().Be("inactive");
        review.GetProperty("contactName").GetString().Should().Be("Ana Ruiz");
        review.GetProperty("message").GetString().Should().Be("Not interested, thanks");
        review.GetProperty("rule").GetString().Should().Be("InboundPossibleOptOutPhrase");
        review.GetProperty("reason").GetString().Should().Contain("not interested");
        review.GetProperty("businessDaysLeft").GetInt32().Should().Be(10);
        review.GetProperty("overdue").GetBoolean().Should().BeFalse();
        review.GetProperty("deadline").GetDateTimeOffset().Should().Be(BusinessDays.Deadline(review.GetProperty("receivedAt").GetDateTimeOffset(), TimeZoneInfo.Utc));
        (await StatusOfAsync(account, contact, held)).Should().Be("held", "it was queued before the possible opt-out, and waits with it");
        var line = (await account.LedgerAsync(contact)).EnumerateArray().Last();
        (line.GetProperty("verdict").GetString(), line.GetProperty("policyRule").GetString()).Should().Be(("Unchanged", "PossibleOptOutQueuedForReview"));

        var marketing = await SendAsync(account, contact);
        var transactional = await SendAsync(account, contact, "transactional");

        (await StatusOfAsync(account, contact, marketing)).Should().Be("held");
        (await StatusOfAsync(account, contact, transactional)).Should().Be("queued");
        await Http.ProblemAsync(await account.Client.PostAsJsonAsync("/conversations/messages",
            new { type = "SMS", contactId = contact, message = "x", purpose = "urgent" }), 422);
    }

    [Fact]
    public async Task Confirming_a_possible_opt_out_makes_it_permanent_with_the_staff_member_and_the_message_as_source()
    {
        var account = await TestAccount.CreateAsync(_app);
        var (contact, held, review) = await PossibleOptOutAsync(_app, account, "+15551630002");

        await ConfirmAndCheckAsync(_app, account, contact, held, review);

        var report = await Http.JsonAsync(await account.Client.GetAsync("/locations/opt-out-reviews/report"));
        (report.GetProperty("confirmed").GetInt32(), report.GetProperty("open").GetInt32(), report.GetProperty("recordedElsewhere").GetInt32())
            .Should().Be((1, 0, 0));
    }

    [Fact]
    public async Task Dismissing_says_why_on_the_ledger_and_releases_the_held_marketing()
    {
        var account = await TestAccount.CreateAsync(_app);
        var (contact, held, review) = await PossibleOptOutAsync(_app, account, "+15551630003");
        var id = review.GetProperty("id").GetString()!;

        var noReason = await Http.ProblemAsync(await account.Client.PostAsJsonAsync($"/locations/opt-out-reviews/{id}/dismiss", new { }), 422);
        var answer = await Http.JsonAsync(await account.Client.PostAsJsonAsync($"/locations/opt-out-reviews/{id}/dismiss",
            new { note = "She meant this week's offer; she asked for next month's" }));

        noReason.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).Should().Equal("note");
        answer.GetProperty("review").GetProperty("status").GetString().Should().Be("dismissed");
        var line = answer.GetProperty("ledger").EnumerateArray().Single();
        (line.GetProperty("verdict").GetString(), line.GetProperty("rule").GetString()).Should().Be(("Unchanged", ReviewDesk.DismissedRule));
        line.GetProperty("explanation").GetString().Should().Contain("not an opt-out").And.Contain("next month");
        (await StatusOfAsync(account, contact, held)).Should().Be("queued", "released when the review was dismissed");
        (await StatusOfAsync(account, contact, await SendAsync(account, contact))).Should().Be("queued");
        (await account.DndStatusAsync(contact, "SMS")).Should().Be("inactive");
        await Http.ProblemAsync(await account.Client.PostAsJsonAsync("/locations/opt-out-reviews/no-such-review/dismiss", new { note = "x" }), 404);
    }

    [Fact]
    public async Task A_bare_no_is_a_possible_opt_out_only_in_reply_to_our_message()
    {
        var account = await TestAccount.CreateAsync(_app);
        var answered = (await account.CreateContactAsync(new { phone = "+15551630004" })).GetProperty("id").GetString()!;
        var unprompted = (await account.CreateContactAsync(new { phone = "+15551630005" })).GetProperty("id").GetString()!;
        await SendAsync(account, answered);

        await Twilio.InboundAsync(_app, account, "+15551630004", "No");
        await Twilio.InboundAsync(_app, account, "+15551630005", "No");

        var open = await ReviewsAsync(account);
        open.Select(r => r.GetProperty("contactId").GetString()).Should().Equal(answered);
        open.Single().GetProperty("rule").GetString().Should().Be("InboundRefusalInReplyToUs");
        (await account.LedgerAsync(unprompted)).EnumerateArray().Should().NotContain(l => l.GetProperty("policyRule").GetString() == "PossibleOptOutQueuedForReview");
    }

    [Fact]
    public async Task A_stop_after_a_possible_opt_out_resolves_its_review()
    {
        var account = await TestAccount.CreateAsync(_app);
        var (contact, held, review) = await PossibleOptOutAsync(_app, account, "+15551630006");

        await Twilio.InboundAsync(_app, account, "+15551630006", "STOP");

        var resolved = (await ReviewsAsync(account, "resolved")).Single();
        resolved.GetProperty("id").GetString().Should().Be(review.GetProperty("id").GetString());
        resolved.GetProperty("handledSequence").GetInt64().Should().BeGreaterThan(review.GetProperty("flaggedSequence").GetInt64());
        (await ReviewsAsync(account)).Should().BeEmpty();
        (await StatusOfAsync(account, contact, held)).Should().Be("cancelled");
    }

    [Theory]
    [InlineData("Please stop texting me", "permanent")]
    [InlineData("STOP!!! 🛑", "permanent")]
    [InlineData("Dejen de escribirme por favor", "permanent")]
    [InlineData("I can't stop laughing at this", "inactive")]
    [InlineData("Cancel my appointment for Tuesday", "inactive")]
    public async Task A_clear_opt_out_in_the_contacts_own_words_is_permanent_at_once_and_an_everyday_reply_is_nothing(string body, string sms)
    {
        var account = await TestAccount.CreateAsync(_app);
        var phone = $"+1555164{Math.Abs(body.GetHashCode() % 10000):0000}";
        var contact = (await account.CreateContactAsync(new { phone })).GetProperty("id").GetString()!;

        var twiml = await (await Twilio.InboundAsync(_app, account, phone, body)).Content.ReadAsStringAsync();

        (await account.DndStatusAsync(contact, "SMS")).Should().Be(sms);
        (await ReviewsAsync(account)).Should().BeEmpty();
        if (sms == "permanent")
        {
            twiml.Should().Contain("<Message>", "a clear opt-out gets its one confirmation");
            (await account.GetContactAsync(contact)).GetProperty("dndSettings").GetProperty("SMS").GetProperty("code").GetString()
                .Should().BeOneOf("phrase_opt_out", "keyword_opt_out");
        }
    }

    [Fact]
    public async Task Overdue_reviews_lead_the_queue_are_counted_and_a_late_confirmation_sends_no_text()
    {
        var clock = new TestClock();
        await using var app = new DndApp(services: s => s.AddSingleton<TimeProvider>(clock));
        var account = await TestAccount.CreateAsync(app);
        var (old, _, first) = await PossibleOptOutAsync(app, account, "+15551630007");
        clock.Advance(TimeSpan.FromDays(20));
        var (_, _, second) = await PossibleOptOutAsync(app, account, "+15551630008");

        var listed = await Http.JsonAsync(await account.Client.GetAsync("/locations/opt-out-reviews"));
        var report = await Http.JsonAsync(await account.Client.GetAsync("/locations/opt-out-reviews/report?from=2000-01-01T00:00:00Z"));
        await Http.EnsureAsync(await account.Client.PostAsJsonAsync($"/locations/opt-out-reviews/{first.GetProperty("id").GetString()}/confirm", new { }), 200);

        listed.GetProperty("reviews").EnumerateArray().Select(r => (r.GetProperty("id").GetString(), r.GetProperty("overdue").GetBoolean()))
            .Should().Equal((first.GetProperty("id").GetString(), true), (second.GetProperty("id").GetString(), false));
        (listed.GetProperty("open").GetInt32(), listed.GetProperty("overdue").GetInt32()).Should().Be((2, 1));
        listed.GetProperty("reviews")[0].GetProperty("businessDaysLeft").GetInt32().Should().BeNegative();
        (report.GetProperty("overdue").GetInt32(), report.GetProperty("received").GetInt32()).Should().Be((1, 2));
        var afterConfirm = await Http.JsonAsync(await account.Client.GetAsync("/locations/opt-out-reviews/report?from=2000-01-01T00:00:00Z"));
        afterConfirm.GetProperty("handledLate").GetInt32().Should().Be(1);
        var messages = await Http.JsonAsync(await account.Client.GetAsync($"/conversations/messages?contactId={old}"));
        messages.GetProperty("messages").EnumerateArray().Should().NotContain(m => m.GetProperty("purpose").GetString() == "opt-out-confirmation",
            "a confirmation may only follow an opt-out within 5 minutes");
    }

    [Fact]
    public async Task Confirmed_within_five_minutes_the_one_confirmation_is_queued_with_its_deadline()
    {
        var account = await TestAccount.CreateAsync(_app);
        var (contact, _, review) = await PossibleOptOutAsync(_app, account, "+15551630009");

        await Http.EnsureAsync(await account.Client.PostAsJsonAsync($"/locations/opt-out-reviews/{review.GetProperty("id").GetString()}/confirm", new { }), 200);

        var confirmation = (await Http.JsonAsync(await account.Client.GetAsync($"/conversations/messages?contactId={contact}")))
            .GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("purpose").GetString() == "opt-out-confirmation");
        confirmation.GetProperty("status").GetString().Should().Be("queued");
        confirmation.GetProperty("body").GetString().Should().Contain("unsubscribed");
    }

    [Fact]
    public async Task Bad_queries_are_problems()
    {
        var account = await TestAccount.CreateAsync(_app);

        await Http.ProblemAsync(await account.Client.GetAsync("/locations/opt-out-reviews?status=maybe"), 422);
        await Http.ProblemAsync(await account.Client.GetAsync("/locations/opt-out-reviews?limit=0"), 422);
        await Http.ProblemAsync(await account.Client.GetAsync("/locations/opt-out-reviews/report?from=2030-01-01T00:00:00Z&to=2020-01-01T00:00:00Z"), 422);
    }
}
