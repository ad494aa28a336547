using Dnd.Rules.Consent;
using Dnd.Rules.Events;
using Dnd.Rules.Data;

namespace Dnd.Rules.Tests;

public class OverrideRulesTests
{
    [Fact]
    public void User_turns_one_channel_on_and_off()
    {
        var contact = Rules.NewContact();

        Rules.Apply(contact, new UserDndChange(Channel.Call, true, "u1", "asked on the phone"));
        contact[Channel.Call].Should().BeEquivalentTo(new { Status = DndStatus.Active, Code = "user", Source = "user:u1", Message = "asked on the phone" });

        var off = Rules.Apply(contact, new UserDndChange(Channel.Call, false, "u1"));
        contact[Channel.Call].Status.Should().Be(DndStatus.Inactive);
        off.For(Channel.Call).PolicyRule.Should().Be("UserMayLiftActive");
    }

    [Fact]
    public void User_may_lift_provider_set_active_dnd()
    {
        var contact = Rules.With(new TwilioSmsStatusEvent("failed", "30003"), new MailgunEvent("failed", "permanent", "bounce"));

        Rules.Apply(contact, new UserDndChange(null, false, "u1"));

        contact.Aggregate.Should().Be(DndAggregate.Off);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Users_and_their_workflows_never_lift_permanent(bool byWorkflow)
    {
        var contact = Rules.With(new InboundMessageEvent(Channel.Sms, "STOP"), new MailgunEvent("unsubscribed"));

        var decision = Rules.Apply(contact, new UserDndChange(null, false, "u1", ByWorkflow: byWorkflow));

        contact[Channel.Sms].Status.Should().Be(DndStatus.Permanent);
        contact[Channel.Email].Status.Should().Be(DndStatus.Permanent);
        decision.For(Channel.Sms).Should().BeEquivalentTo(new { Verdict = Verdict.Denied, PolicyRule = "UserCannotLiftPermanent" });
        decision.For(Channel.Call).PolicyRule.Should().Be("NothingToLift");
    }

    [Fact]
    public void User_enabling_all_keeps_stronger_reasons()
    {
        var contact = Rules.With(new TwilioSmsStatusEvent("failed", "30004"));

        Rules.Apply(contact, new UserDndChange(null, true, "u1"));

        contact.Aggregate.Should().Be(DndAggregate.On);
        contact[Channel.Sms].Should().BeEquivalentTo(new { Status = DndStatus.Permanent, Code = "twilio_30004" });
        contact[Channel.Gmb].Should().BeEquivalentTo(new { Status = DndStatus.Active, Code = "user" });
    }

    [Theory]
    [InlineData(Actor.User)]
    [InlineData(Actor.Workflow)]
    [InlineData(Actor.Form)]
    [InlineData(Actor.Contact)]
    public void Nobody_lifts_a_spam_lock(Actor actor)
    {
        var contact = Rules.With(new MailgunEvent("complained"));
        var lift = actor switch
        {
            Actor.User => (ConsentEvent)new UserDndChange(Channel.Email, false, "admin"),
            Actor.Workflow => new UserDndChange(Channel.Email, false, "wf-1", ByWorkflow: true),
            Actor.Form => new FormSubmissionEvent("f1", ExplicitConsent: true),
            _ => new InboundMessageEvent(Channel.Email, "START"),
        };

        Rules.Apply(contact, lift);

        contact[Channel.Email].Should().BeEquivalentTo(new { Status = DndStatus.Permanent, SpamLock = true });
    }

    [Fact]
    public void Spam_lock_denial_is_explained_in_the_ledger()
    {
        var contact = Rules.With(new MailgunEvent("complained"));

        var decision = Rules.Apply(contact, new FormSubmissionEvent("f1", true));

        decision.For(Channel.Email).Should().BeEquivalentTo(new { Verdict = Verdict.Denied, PolicyRule = "SpamLockIsNeverLifted" });
        contact.Ledger.TakeLast(6).Should().Contain(e => e.Channel == Channel.Email && e.Explanation.Contains("nobody can lift it"));
    }

    [Fact]
    public void Form_consent_resubscribes_an_email_unsubscribe()
    {
        var contact = Rules.With(new MailgunEvent("unsubscribed"));

        var decision = Rules.Apply(contact, new FormSubmissionEvent("signup", ExplicitConsent: true));

        contact[Channel.Email].Status.Should().Be(DndStatus.Inactive);
        decision.For(Channel.Email).PolicyRule.Should().Be("FormConsentLiftsUnsubscribe");
    }

    [Fact]
    public void Form_consent_resubscribes_an_unsubscribe_link_too()
    {
        var contact = Rules.With(new UnsubscribeLinkEvent("m1"));

        Rules.Apply(contact, new FormSubmissionEvent("signup", true));

        contact.Aggregate.Should().Be(DndAggregate.Off);
    }

    [Fact]
    public void Form_consent_undoes_an_all_channel_unsubscribe_but_not_other_dnd()
    {
        var settings = AccountSettings.Default with { UnsubscribeScope = UnsubscribeScope.AllChannels };
        var contact = Rules.NewContact();
        Rules.Apply(contact, new InboundMessageEvent(Channel.Sms, "STOP"), settings);
        Rules.Apply(contact, new UnsubscribeLinkEvent("m1"), settings);

        Rules.Apply(contact, new FormSubmissionEvent("signup", true), settings);

        contact[Channel.Sms].Should().BeEquivalentTo(new { Status = DndStatus.Permanent, Code = "keyword_opt_out" });
        Rules.Except(Channel.Sms).Should().OnlyContain(c => !contact.IsBlocked(c));
    }

    [Fact]
    public void Form_consent_does_not_lift_sms_permanent_or_bounces()
    {
        var contact = Rules.With(
            new InboundMessageEvent(Channel.Sms, "STOP"),
            new MailgunEvent("failed", "permanent", "bounce"));

        var decision = Rules.Apply(contact, new FormSubmissionEvent("signup", true));

        contact[Channel.Sms].Status.Should().Be(DndStatus.Permanent);
        contact[Channel.Email].Status.Should().Be(DndStatus.Active);
        decision.For(Channel.Sms).PolicyRule.Should().Be("FormLiftsOnlyUnsubscribe");
    }

    [Fact]
    public void Form_without_consent_changes_nothing()
    {
        var contact = Rules.With(new MailgunEvent("unsubscribed"));

        var decision = Rules.Apply(contact, new FormSubmissionEvent("signup", ExplicitConsent: false));

        contact[Channel.Email].Status.Should().Be(DndStatus.Permanent);
        decision.Classification.Rule.Should().Be("FormWithoutConsentChangesNothing");
    }
}
