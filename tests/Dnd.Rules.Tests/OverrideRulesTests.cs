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
    public void Users_and_their_workflows_never_lift_permanent_without_proof(bool byWorkflow)
    {
        var contact = Rules.With(new InboundMessageEvent(Channel.Sms, "STOP"), new UserDndChange(Channel.Call, true, "u1", Permanent: true));

        var decision = Rules.Apply(contact, new UserDndChange(null, false, "u1", "they called back", ByWorkflow: byWorkflow));

        contact[Channel.Sms].Status.Should().Be(DndStatus.Permanent);
        contact[Channel.Call].Status.Should().Be(DndStatus.Permanent);
        decision.For(Channel.Sms).Should().BeEquivalentTo(new { Verdict = Verdict.Denied, PolicyRule = "UserCannotLiftPermanent" });
        decision.For(Channel.Call).Should().BeEquivalentTo(new { Verdict = Verdict.Denied, PolicyRule = "UserCannotLiftPermanent" });
        decision.For(Channel.Email).PolicyRule.Should().Be("NothingToLift");
    }

    private static readonly ConsentProof Proof = new(ConsentMethod.Written, new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero), "signed form #1182", "u1");

    [Theory]
    [InlineData("STOP", null)]
    [InlineData(null, "21610")]
    [InlineData(null, "30004")]
    [InlineData(null, null)]
    public void A_user_lifts_permanent_sms_dnd_with_proof_of_consent_and_the_ledger_keeps_it(string? keyword, string? errorCode)
    {
        var contact = keyword is not null ? Rules.With(new InboundMessageEvent(Channel.Sms, keyword))
            : errorCode is not null ? Rules.With(new TwilioSmsStatusEvent("failed", errorCode))
            : Rules.With(new UserDndChange(Channel.Sms, true, "u1", Permanent: true));
        contact[Channel.Sms].Status.Should().Be(DndStatus.Permanent);

        var decision = Rules.Apply(contact, new UserDndChange(Channel.Sms, false, "u1", ConsentProof: Proof));

        contact[Channel.Sms].Status.Should().Be(DndStatus.Inactive);
        decision.For(Channel.Sms).PolicyRule.Should().Be("UserLiftsPermanentWithProof");
        contact.Ledger.Last().Proof.Should().Be(Proof);
        contact.Ledger.Last().Event.Should().Contain("with proof of consent (Written");
    }

    [Fact]
    public void Proof_does_not_lift_a_spam_lock_and_a_workflow_cannot_use_proof()
    {
        var contact = Rules.With(new MailgunEvent("complained"), new InboundMessageEvent(Channel.Sms, "STOP"));

        var onSpam = Rules.Apply(contact, new UserDndChange(Channel.Email, false, "u1", ConsentProof: Proof));
        var byWorkflow = Rules.Apply(contact, new UserDndChange(Channel.Sms, false, "wf", ByWorkflow: true, ConsentProof: Proof));

        contact[Channel.Email].SpamLock.Should().BeTrue();
        onSpam.For(Channel.Email).PolicyRule.Should().Be("SpamLockIsNeverLifted");
        contact[Channel.Sms].Status.Should().Be(DndStatus.Permanent);
        byWorkflow.For(Channel.Sms).PolicyRule.Should().Be("UserCannotLiftPermanent");
    }

    [Fact]
    public void A_users_reason_lifts_an_email_unsubscribe_a_workflow_never_does()
    {
        var contact = Rules.With(new MailgunEvent("unsubscribed"));

        var byWorkflow = Rules.Apply(contact, new UserDndChange(Channel.Email, false, "wf", "re-engage", ByWorkflow: true));
        var withoutReason = Rules.Apply(contact, new UserDndChange(Channel.Email, false, "u1"));
        contact[Channel.Email].Status.Should().Be(DndStatus.Active);
        var withReason = Rules.Apply(contact, new UserDndChange(Channel.Email, false, "u1", "asked by phone to get the newsletter again"));

        byWorkflow.For(Channel.Email).PolicyRule.Should().Be("WorkflowCannotLiftUnsubscribe");
        withoutReason.For(Channel.Email).PolicyRule.Should().Be("UserLiftsUnsubscribeOnlyWithReason");
        withReason.For(Channel.Email).PolicyRule.Should().Be("UserMayLiftActive");
        contact[Channel.Email].Status.Should().Be(DndStatus.Inactive);
    }

    [Fact]
    public void A_recorded_proof_of_consent_is_reason_enough_to_lift_an_unsubscribe()
    {
        var contact = Rules.With(new MailgunEvent("unsubscribed"));
        var proof = new ConsentProof(ConsentMethod.Written, DateTimeOffset.Parse("2026-11-20T10:00:00Z"), "signed form #12", "u1");

        var lifted = Rules.Apply(contact, new UserDndChange(Channel.Email, false, "u1", ConsentProof: proof));

        lifted.For(Channel.Email).PolicyRule.Should().Be("UserMayLiftActive");
        contact[Channel.Email].Status.Should().Be(DndStatus.Inactive);
    }

    [Theory]
    [InlineData("failed", "bounce")]
    [InlineData("failed", "suppress-bounce")]
    [InlineData("failed", "generic")]
    public void A_user_lifts_email_dnd_from_a_bounce(string evt, string reason)
    {
        var contact = Rules.With(new MailgunEvent(evt, "permanent", reason));

        Rules.Apply(contact, new UserDndChange(Channel.Email, false, "u1"));

        contact[Channel.Email].Status.Should().Be(DndStatus.Inactive);
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

        contact[Channel.Email].Status.Should().Be(DndStatus.Active);
        contact[Channel.Email].Code.Should().Be(DndCodes.EmailUnsubscribe);
        decision.Classification.Rule.Should().Be("FormWithoutConsentChangesNothing");
    }
}
