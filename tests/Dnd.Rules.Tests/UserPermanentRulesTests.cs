using Dnd.Rules.Consent;
using Dnd.Rules.Events;

namespace Dnd.Rules.Tests;

/// <summary>HighLevel's "permanent" status set by a user: the contact's own opt-out, recorded for them.</summary>
public class UserPermanentRulesTests
{
    private static UserDndChange Permanent(Channel? channel, string? message = null, bool byWorkflow = false) =>
        new(channel, true, "u1", message, byWorkflow, Permanent: true);

    [Fact]
    public void A_user_records_permanent_dnd_as_their_act_with_its_own_code()
    {
        var contact = Rules.NewContact();

        var decision = Rules.Apply(contact, Permanent(Channel.Sms, "asked in writing"));

        contact[Channel.Sms].Should().BeEquivalentTo(new { Status = DndStatus.Permanent, Code = "user_permanent", Source = "user:u1", Message = "asked in writing" });
        decision.Classification.Rule.Should().Be("UserRecordsPermanentDnd");
        decision.For(Channel.Sms).Verdict.Should().Be(Verdict.Applied);
        contact.Ledger.Last().Should().BeEquivalentTo(new { Event = "user.dnd permanent SMS by u1", Actor = Actor.User, After = DndStatus.Permanent });
        contact.Ledger.Last().Explanation.Should().Contain("UserRecordsPermanentDnd").And.Contain("permanent opt-out");
        Rules.Except(Channel.Sms).Should().OnlyContain(c => !contact.IsBlocked(c));
    }

    [Fact]
    public void Permanent_for_all_channels_makes_every_channel_permanent()
    {
        var contact = Rules.NewContact();

        Rules.Apply(contact, Permanent(null));

        ChannelNames.All.Should().OnlyContain(c => contact[c].Status == DndStatus.Permanent && contact[c].Code == "user_permanent");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Neither_a_user_nor_a_workflow_lifts_it_and_the_ledger_says_why(bool byWorkflow)
    {
        var contact = Rules.With(Permanent(Channel.Email));

        var decision = Rules.Apply(contact, new UserDndChange(Channel.Email, false, "u2", ByWorkflow: byWorkflow));

        contact[Channel.Email].Should().BeEquivalentTo(new { Status = DndStatus.Permanent, Code = "user_permanent" });
        decision.For(Channel.Email).Should().BeEquivalentTo(new { Verdict = Verdict.Denied, PolicyRule = "UserCannotLiftPermanent" });
        contact.Ledger.Last().Explanation.Should().Contain("only the contact's own opt-in lifts it, or a user who records proof of consent");
    }

    [Fact]
    public void A_weaker_user_dnd_does_not_downgrade_it()
    {
        var contact = Rules.With(Permanent(Channel.Call));

        var decision = Rules.Apply(contact, new UserDndChange(Channel.Call, true, "u2"));

        contact[Channel.Call].Code.Should().Be("user_permanent");
        decision.For(Channel.Call).PolicyRule.Should().Be("NeverWeakenPermanent");
    }

    [Fact]
    public void The_contacts_own_opt_in_on_that_channel_lifts_it()
    {
        var contact = Rules.With(Permanent(Channel.Sms), Permanent(Channel.WhatsApp));

        var decision = Rules.Apply(contact, new InboundMessageEvent(Channel.Sms, "START"));

        contact[Channel.Sms].Status.Should().Be(DndStatus.Inactive);
        contact[Channel.WhatsApp].Status.Should().Be(DndStatus.Permanent, "an opt-in lifts only the channel it came on");
        decision.For(Channel.Sms).PolicyRule.Should().Be("ContactOptInLiftsOwnOptOut");
    }

    [Fact]
    public void A_form_does_not_lift_it()
    {
        var contact = Rules.With(Permanent(Channel.Email));

        var decision = Rules.Apply(contact, new FormSubmissionEvent("signup", ExplicitConsent: true));

        contact[Channel.Email].Status.Should().Be(DndStatus.Permanent);
        decision.For(Channel.Email).Should().BeEquivalentTo(new { Verdict = Verdict.Denied, PolicyRule = "FormLiftsOnlyUnsubscribe" });
    }

    [Fact]
    public void It_never_replaces_a_spam_lock_or_a_keyword_opt_out()
    {
        var contact = Rules.With(new MailgunEvent("complained"), new InboundMessageEvent(Channel.Sms, "STOP"));

        Rules.Apply(contact, Permanent(null));

        contact[Channel.Email].Should().BeEquivalentTo(new { Code = "spam_complaint", SpamLock = true });
        contact[Channel.Sms].Code.Should().Be("keyword_opt_out", "the contact's own STOP is the better record of why");
    }
}
