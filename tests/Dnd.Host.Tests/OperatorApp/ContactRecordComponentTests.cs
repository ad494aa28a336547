using AngleSharp.Dom;
using Bunit;
using Dnd.Host.Api.Contacts;
using Dnd.Host.OperatorApp.ContactScreen;
using Dnd.Rules.Consent;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dnd.Host.Tests.OperatorApp;

/// <summary>The contact record's channel rows and the proof of consent dialog, in bUnit.</summary>
public class ContactRecordComponentTests : ComponentTest
{
    private static readonly DateTimeOffset Stopped = new(2026, 3, 4, 14, 2, 0, TimeSpan.Zero);

    private readonly List<DndChange> _asked = [];
    private DndChangeOutcome _answer = new(false, "SMS: applied.");
    private readonly IRenderedComponent<MudDialogProvider> _dialogs;

    public ContactRecordComponentTests()
    {
        Services.AddSingleton(TimeProvider.System);
        _dialogs = Render<MudDialogProvider>();
        Render<MudPopoverProvider>();
    }

    [Fact]
    public void A_temporary_dnd_is_ticked_with_its_reason_and_unticking_lifts_it_without_asking()
    {
        var row = Row(Channel.Sms, new ChannelState(DndKind.Temporary, "Carrier error 30003", "Unreachable destination handset (Twilio 30003)", Stopped));

        Box(row).HasAttribute("checked").Should().BeTrue();
        row.Find(".dnd-why").TextContent.Should().Contain("Carrier error 30003 · temporary").And.Contain("since 4 Mar 2026, 14:02");
        row.Markup.Should().Contain("Unreachable destination handset (Twilio 30003)");

        Box(row).Change(false);

        row.WaitForAssertion(() => _asked.Should().ContainSingle().Which.Should().Be(new DndChange(DndTarget.Of(Channel.Sms), Enable: false)));
        _dialogs.FindAll("[role=dialog]").Should().BeEmpty("a temporary DND is lifted without proof");
    }

    [Fact]
    public async Task A_refused_change_leaves_the_box_as_the_state_is()
    {
        var answer = new TaskCompletionSource<DndChangeOutcome>();
        var row = Render<DndChannelRow>(p => p
            .Add(r => r.Target, DndTarget.All)
            .Add(r => r.State, new ChannelState(DndKind.Temporary))
            .Add(r => r.Change, _ => answer.Task));

        Box(row).Change(false);
        row.WaitForAssertion(() => Box(row).HasAttribute("disabled").Should().BeTrue());
        Box(row).HasAttribute("checked").Should().BeFalse("the box follows the click while the rules decide");
        await row.InvokeAsync(() => answer.SetResult(new DndChangeOutcome(true, "All channels: refused.")));

        row.WaitForAssertion(() => Box(row).HasAttribute("checked").Should().BeTrue());
    }

    [Fact]
    public void Ticking_an_open_channel_asks_for_dnd()
    {
        var row = Row(Channel.Email, ChannelState.Off);

        Box(row).HasAttribute("checked").Should().BeFalse();
        row.FindAll(".dnd-why").Should().BeEmpty();
        Box(row).Change(true);

        row.WaitForAssertion(() => _asked.Should().ContainSingle().Which.Should().Be(new DndChange(DndTarget.Of(Channel.Email), Enable: true)));
    }

    [Fact]
    public void Unticking_a_permanent_dnd_opens_the_proof_dialog_and_cancelling_leaves_it_ticked()
    {
        var row = Row(Channel.Sms, new ChannelState(DndKind.Permanent, "Replied STOP", "Contact replied with an opt-out keyword", Stopped));
        row.Find(".dnd-why").TextContent.Should().Contain("Replied STOP · permanent");

        Box(row).Change(false);

        var dialog = _dialogs.WaitForElement("[role=dialog]");
        dialog.QuerySelector(".mud-dialog-title")!.TextContent.Should().Be("Proof of consent");
        dialog.TextContent.Should().Contain("SMS DND is permanent (Replied STOP · permanent)");
        _asked.Should().BeEmpty("nothing is asked of the rules before the proof is given");

        Button(dialog, "Cancel").Click();

        _dialogs.WaitForAssertion(() => _dialogs.FindAll("[role=dialog]").Should().BeEmpty());
        row.WaitForAssertion(() => Box(row).HasAttribute("checked").Should().BeTrue("a cancelled lift leaves the DND as it was"));
        _asked.Should().BeEmpty();
    }

    [Fact]
    public void A_spam_lock_is_shown_locked_with_its_reason_and_cannot_be_unticked()
    {
        var row = Row(Channel.Email, new ChannelState(DndKind.SpamLock, "Marked as spam", "Contact marked an email as spam: spam lock", Stopped));

        Box(row).HasAttribute("checked").Should().BeTrue();
        Box(row).HasAttribute("disabled").Should().BeTrue();
        row.Find(".dnd-why").TextContent.Should().Contain("Marked as spam · locked");
        row.Find("svg title").TextContent.Should().StartWith("Locked");
        row.Find("[role=listitem]").GetAttribute("data-kind").Should().Be("spamlock");
    }

    [Fact]
    public async Task The_proof_dialog_refuses_a_proof_without_kind_date_or_evidence_and_sends_a_complete_one()
    {
        var row = Row(Channel.Sms, new ChannelState(DndKind.Permanent, "Replied STOP", null, Stopped));
        Box(row).Change(false);
        var dialog = _dialogs.WaitForElement("[role=dialog]");

        Button(dialog, "Lift DND with this proof").Click();

        Dialog().TextContent.Should().Contain("Not lifted: the proof of consent is incomplete.")
            .And.Contain("Choose how the contact gave their consent.")
            .And.Contain("Give the date the contact gave their consent.")
            .And.Contain("Give the evidence: the consent's text, a URL, or a reference to the recording or letter.");
        _asked.Should().BeEmpty();

        // Kind and date, no evidence: still refused, and only the evidence is wanted.
        Radio("Written").Click();
        Input("Date given").Input("2026-01-15");
        Button(Dialog(), "Lift DND with this proof").Click();
        Dialog().TextContent.Should().Contain("Give the evidence").And.NotContain("Give the date").And.NotContain("Choose how");
        _asked.Should().BeEmpty();

        // A date after today: refused.
        Input("Evidence").Input("  signed form #1182  ");
        Input("Date given").Input(DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd"));
        Button(Dialog(), "Lift DND with this proof").Click();
        Dialog().TextContent.Should().Contain("The date given is in the future");
        _asked.Should().BeEmpty();

        Input("Date given").Input("2026-01-15");
        Button(Dialog(), "Lift DND with this proof").Click();

        await _dialogs.WaitForAssertionAsync(() => _dialogs.FindAll("[role=dialog]").Should().BeEmpty());
        var asked = _asked.Should().ContainSingle().Subject;
        asked.Target.Should().Be(DndTarget.Of(Channel.Sms));
        asked.Enable.Should().BeFalse();
        asked.Proof.Should().Be(new ConsentProofRequest("written", new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero), "signed form #1182"));
        asked.ToRequest().DndSettings!["SMS"].Should().Be(new DndSettingRequest("inactive", null, ConsentProof: asked.Proof));
    }

    [Fact]
    public void When_the_rules_refuse_the_proof_the_dialog_stays_open_with_their_words()
    {
        _answer = new DndChangeOutcome(true, "SMS: refused. dndSettings.SMS.consentProof.givenAt is in the future.");
        var row = Row(Channel.Sms, new ChannelState(DndKind.Permanent, "Replied STOP", null, Stopped));
        Box(row).Change(false);
        _dialogs.WaitForElement("[role=dialog]");

        Radio("Verbal recording").Click();
        Input("Date given").Input("2026-01-15");
        Input("Evidence").Input("call recording 2026-01-15 10:02");
        Button(Dialog(), "Lift DND with this proof").Click();

        _dialogs.WaitForAssertion(() => Dialog().QuerySelector("[role=alert]")!.TextContent.Should().Contain("consentProof.givenAt is in the future"));
        _asked.Should().ContainSingle().Which.Proof!.Method.Should().Be("verbal_recording");
    }

    [Fact]
    public void Unticking_an_unsubscribe_asks_for_a_reason_and_shows_the_rules_refusal_without_one()
    {
        _answer = new DndChangeOutcome(true, "Emails: refused. Email DND is the contact's own unsubscribe: lifting it needs your reason.");
        var row = Row(Channel.Email, new ChannelState(DndKind.Unsubscribe, "Unsubscribed", "Contact unsubscribed from email", Stopped));
        row.Find(".dnd-why").TextContent.Should().Contain("Unsubscribed · temporary");

        Box(row).Change(false);
        var dialog = _dialogs.WaitForElement("[role=dialog]");
        dialog.QuerySelector(".mud-dialog-title")!.TextContent.Should().Be("Lift the unsubscribe");
        Button(dialog, "Lift DND").Click();

        _dialogs.WaitForAssertion(() => Dialog().QuerySelector("[role=alert]")!.TextContent.Should().Contain("needs your reason"));
        _asked.Should().ContainSingle().Which.Should().Be(new DndChange(DndTarget.Of(Channel.Email), Enable: false, Reason: null));

        _answer = new DndChangeOutcome(false, "Emails: applied.");
        Input("Reason").Input("asked at the front desk to get the newsletter again");
        Button(Dialog(), "Lift DND").Click();

        _dialogs.WaitForAssertion(() => _dialogs.FindAll("[role=dialog]").Should().BeEmpty());
        _asked.Last().Reason.Should().Be("asked at the front desk to get the newsletter again");
        _asked.Last().ToRequest().DndSettings!["Email"].Message.Should().Be("asked at the front desk to get the newsletter again");
    }

    [Fact]
    public void An_unsubscribe_can_be_lifted_with_proof_instead_of_a_reason()
    {
        var row = Row(Channel.Email, new ChannelState(DndKind.Unsubscribe, "Unsubscribed", null, Stopped));
        Box(row).Change(false);
        Button(_dialogs.WaitForElement("[role=dialog]"), "Give proof of consent instead").Click();

        _dialogs.WaitForAssertion(() => Dialog().QuerySelector(".mud-dialog-title")!.TextContent.Should().Be("Proof of consent"));
    }

    [Fact]
    public void The_channel_list_is_the_products_in_its_order_with_the_labels_staff_read()
    {
        DndChannels.All.Select(c => c.Channel).Should().Equal(ChannelNames.All);
        DndChannels.All.Select(c => c.Label).Should().Equal("Calls", "Emails", "SMS", "WhatsApp", "Facebook", "GMB");
    }

    [Theory]
    [InlineData("keyword_opt_out", DndStatus.Permanent, false, "Replied STOP · permanent")]
    [InlineData("twilio_opt_out", DndStatus.Permanent, false, "Replied STOP · permanent")]
    [InlineData("twilio_30003", DndStatus.Active, false, "Carrier error 30003 · temporary")]
    [InlineData("spam_complaint", DndStatus.Permanent, true, "Marked as spam · locked")]
    [InlineData("phrase_opt_out", DndStatus.Permanent, false, "Asked to stop in their own words · permanent")]
    [InlineData("email_unsubscribe", DndStatus.Active, false, "Unsubscribed · temporary")]
    [InlineData("user", DndStatus.Active, false, "Set by a user · temporary")]
    [InlineData("user_permanent", DndStatus.Permanent, false, "Opt-out recorded by a user · permanent")]
    [InlineData("something_new", DndStatus.Active, false, "What the rule said · temporary")]
    public void Each_dnd_says_why_and_how_lasting_in_words(string code, DndStatus status, bool spamLock, string summary)
    {
        ChannelState.From(new ChannelDnd(status, code, "What the rule said", "source", Stopped, spamLock)).Summary.Should().Be(summary);
    }

    [Fact]
    public void The_kind_of_dnd_decides_what_unticking_takes()
    {
        ChannelState.From(ChannelDnd.Off).Kind.Should().Be(DndKind.Off);
        ChannelState.From(new ChannelDnd(DndStatus.Active, "link_unsubscribe_all", null, null, null)).Kind.Should().Be(DndKind.Unsubscribe);
        ChannelState.From(new ChannelDnd(DndStatus.Active, "mailgun_bounce", null, null, null)).Kind.Should().Be(DndKind.Temporary);
        ChannelState.From(new ChannelDnd(DndStatus.Permanent, "keyword_opt_out", null, null, null)).Kind.Should().Be(DndKind.Permanent);
        ChannelState.From(new ChannelDnd(DndStatus.Permanent, "spam_complaint", null, null, null, SpamLock: true)).Kind.Should().Be(DndKind.SpamLock);
    }

    [Fact]
    public void A_change_is_said_as_the_apis_contact_update_says_it()
    {
        new DndChange(DndTarget.All, true).ToRequest().Dnd.Should().BeTrue();
        new DndChange(DndTarget.InboundDnd, false, " ").ToRequest().InboundDndSettings!.All.Should().Be(new InboundDndSettingRequest("inactive"));
        new DndChange(DndTarget.Of(Channel.Fb), true).ToRequest().DndSettings.Should().ContainKey("FB").WhoseValue.Status.Should().Be("active");
    }

    [Fact]
    public void A_decision_is_said_with_the_deciding_rules_reason()
    {
        var denied = new DndDecisionDto("Email", "Denied", "UserDisablesDnd", "SpamLockIsNeverLifted",
            "Email Permanent→Permanent (Denied). UserDisablesDnd: DND turned off by a user. SpamLockIsNeverLifted: a spam complaint locks email DND for good; nobody can lift it.");

        var outcome = DndChangeOutcome.From("Emails", [denied]);

        outcome.Refused.Should().BeTrue();
        outcome.Message.Should().Be("Emails: denied. A spam complaint locks email DND for good; nobody can lift it.");
    }

    [Fact]
    public void Lifting_every_channel_says_which_went_and_which_the_rules_denied()
    {
        var decisions = new[]
        {
            new DndDecisionDto("Call", "Applied", "UserDisablesDnd", "UserMayLiftActive", "Call Active→Inactive (Applied). UserDisablesDnd: DND turned off by a user. UserMayLiftActive: a user may lift an active DND."),
            new DndDecisionDto("Email", "Denied", "UserDisablesDnd", "SpamLockIsNeverLifted", "Email Permanent→Permanent (Denied). UserDisablesDnd: DND turned off by a user. SpamLockIsNeverLifted: a spam complaint locks email DND for good; nobody can lift it."),
        };

        var outcome = DndChangeOutcome.From("All channels", decisions);

        outcome.Refused.Should().BeTrue();
        outcome.Message.Should().Be("All channels: applied on Calls, denied on Emails. Emails: A spam complaint locks email DND for good; nobody can lift it.");
    }

    [Fact]
    public void The_ledger_shows_each_line_with_its_rule_actor_explanation_time_and_proof_and_offers_more()
    {
        var more = 0;
        var lines = new[]
        {
            new LedgerEntryDto(2, "acct", "c1", null, 2, Stopped.AddMinutes(5), "user.dnd disable SMS by Sam Staff with proof of consent", "User", "SMS",
                "Applied", "Permanent", "Inactive", "UserDisablesDnd", "UserLiftsPermanentWithProof", "SMS Permanent→Inactive (Applied).", [],
                "user 'Sam Staff' (u1)", null, new ConsentProofDto("web_form", Stopped.AddDays(-2), "form #88", "Sam Staff")),
            new LedgerEntryDto(1, "acct", "c1", null, 1, Stopped, "inbound.message SMS \"STOP\"", "Contact", "SMS", "Applied", "Inactive", "Permanent",
                "InboundOptOutKeyword", "StrengtheningIsAlwaysAllowed", "SMS Inactive→Permanent (Applied).", [], "contact's reply, twilio message SM1", null, null),
        };

        var ledger = Render<ConsentLedgerTimeline>(p => p.Add(t => t.Lines, lines).Add(t => t.More, true).Add(t => t.ShowMore, () => more++));

        var items = ledger.FindAll("[role=list][aria-label='Consent ledger'] [role=listitem]");
        items.Should().HaveCount(2);
        items[0].TextContent.Should().Contain("4 Mar 2026, 14:07").And.Contain("Applied · SMS").And.Contain("user.dnd disable SMS by Sam Staff")
            .And.Contain("Rule UserDisablesDnd → UserLiftsPermanentWithProof").And.Contain("User: user 'Sam Staff' (u1)")
            .And.Contain("SMS Permanent→Inactive (Applied).");
        items[0].QuerySelector("[data-proof]")!.TextContent.Should().Contain("Proof of consent: Web form, given 2 Mar 2026. Evidence: “form #88”")
            .And.Contain("recorded by Sam Staff");
        items[1].QuerySelector("[data-proof]").Should().BeNull();
        items[1].TextContent.Should().Contain("Contact: contact's reply, twilio message SM1");

        ledger.FindAll("button").Single(b => b.TextContent.Trim() == "Show more").Click();
        more.Should().Be(1);
        ledger.Render(p => p.Add(t => t.More, false));
        ledger.FindAll("button").Should().BeEmpty("every line is shown");
    }

    [Theory]
    [InlineData(DndAggregate.On, "DND On")]
    [InlineData(DndAggregate.Off, "DND Off")]
    [InlineData(DndAggregate.Partial, "DND Partial")]
    public void The_header_names_the_contact_and_says_the_aggregate_dnd(DndAggregate aggregate, string badge)
    {
        var contact = new ContactView("c1", "Ada Lovelace", "+15550100001", "ada@example.com", 1, aggregate,
            new Dictionary<Channel, ChannelState> { [Channel.Sms] = new(DndKind.Permanent, "Replied STOP") }, ChannelState.Off, [], false, TimeZoneInfo.Utc);

        var header = Render<ContactHeader>(p => p.Add(h => h.Contact, contact));

        header.Find("h1").TextContent.Should().Be("Ada Lovelace");
        header.Markup.Should().Contain("+15550100001").And.Contain("ada@example.com");
        var status = header.Find("[role=status]");
        status.GetAttribute("aria-label").Should().Be(badge);
        status.TextContent.Trim().Should().Be(badge);
    }

    private IRenderedComponent<DndChannelRow> Row(Channel channel, ChannelState state) =>
        Render<DndChannelRow>(p => p
            .Add(r => r.Target, DndTarget.Of(channel))
            .Add(r => r.State, state)
            .Add(r => r.Change, change =>
            {
                _asked.Add(change);
                return Task.FromResult(_answer);
            }));

    private static IElement Box(IRenderedComponent<DndChannelRow> row) => row.Find("input[type=checkbox]");

    private IElement Dialog() => _dialogs.Find("[role=dialog]");

    private IElement Radio(string label) =>
        Dialog().QuerySelectorAll("label.mud-radio").Single(l => l.TextContent.Trim() == label).QuerySelector("input")!;

    private IElement Input(string label)
    {
        var id = Dialog().QuerySelectorAll("label").Single(l => l.TextContent.Trim() == label).GetAttribute("for");
        return _dialogs.Find($"#{id}");
    }

    private static IElement Button(IElement scope, string name) =>
        scope.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == name);
}
