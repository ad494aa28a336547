using Dnd.Rules.Consent;
using Dnd.Rules.Events;
using Dnd.Rules.Data;

namespace Dnd.Rules.Tests;

public class MailgunRulesTests
{
    private static readonly AccountSettings AllChannels = AccountSettings.Default with { UnsubscribeScope = UnsubscribeScope.AllChannels };

    [Theory]
    [InlineData("bounce", DndStatus.Active, "mailgun_bounce", "MailgunHardBounce")]
    [InlineData("suppress-bounce", DndStatus.Active, "mailgun_bounce", "MailgunHardBounce")]
    [InlineData("generic", DndStatus.Active, "mailgun_generic", "MailgunGenericPermanentFailure")]
    [InlineData("suppress-unsubscribe", DndStatus.Active, "email_unsubscribe", "MailgunSuppressedUnsubscribe")]
    [InlineData("suppress-complaint", DndStatus.Permanent, "spam_complaint", "MailgunSuppressedComplaint")]
    public void Permanent_failures_set_email_dnd(string reason, DndStatus status, string code, string rule)
    {
        var contact = Rules.NewContact();

        var decision = Rules.Apply(contact, new MailgunEvent("failed", "permanent", reason));

        contact[Channel.Email].Should().BeEquivalentTo(new { Status = status, Code = code, Source = "mailgun" });
        contact[Channel.Email].SpamLock.Should().Be(reason == "suppress-complaint");
        decision.Classification.Rule.Should().Be(rule);
        Rules.Except(Channel.Email).Should().OnlyContain(c => !contact.IsBlocked(c));
    }

    [Theory]
    [InlineData("bounce")]
    [InlineData("generic")]
    [InlineData("suppress-complaint")]
    public void Temporary_failures_change_nothing(string reason)
    {
        var contact = Rules.NewContact();

        var decision = Rules.Apply(contact, new MailgunEvent("failed", "temporary", reason));

        decision.Changed.Should().BeFalse();
        decision.Classification.Rule.Should().Be("MailgunTemporaryFailureIsNotDnd");
    }

    [Fact]
    public void Unknown_permanent_reason_changes_nothing()
    {
        var decision = Rules.Apply(Rules.NewContact(), new MailgunEvent("failed", "permanent", "old"));

        decision.Changed.Should().BeFalse();
        decision.Classification.Rule.Should().Be("NoRuleMatched");
    }

    [Fact]
    public void Event_names_are_case_insensitive()
    {
        var contact = Rules.NewContact();

        Rules.Apply(contact, new MailgunEvent("Failed", "PERMANENT", "Bounce"));

        contact[Channel.Email].Status.Should().Be(DndStatus.Active);
    }

    [Fact]
    public void Unsubscribed_sets_email_dnd_a_user_may_lift_by_default()
    {
        var contact = Rules.NewContact();

        Rules.Apply(contact, new MailgunEvent("unsubscribed"));

        contact[Channel.Email].Should().BeEquivalentTo(new { Status = DndStatus.Active, Code = "email_unsubscribe" });
        contact.Aggregate.Should().Be(DndAggregate.Partial);
    }

    [Fact]
    public void Unsubscribed_turns_every_channel_off_when_the_account_says_so()
    {
        var contact = Rules.NewContact();

        var decision = Rules.Apply(contact, new MailgunEvent("unsubscribed"), AllChannels);

        contact.Aggregate.Should().Be(DndAggregate.On);
        decision.Classification.Rule.Should().Be("MailgunUnsubscribedAllChannels");
        // Each channel then stands on its own: a user may adjust one (saying why) and leave the others.
        ChannelNames.All.Should().OnlyContain(c => contact[c].Status == DndStatus.Active && contact[c].Code == DndCodes.EmailUnsubscribe);
        Rules.Apply(contact, new UserDndChange(Channel.Sms, false, "u1", "texts only, asked by phone"));
        contact[Channel.Sms].Status.Should().Be(DndStatus.Inactive);
        contact[Channel.Email].Status.Should().Be(DndStatus.Active);
    }

    [Fact]
    public void Suppressed_unsubscribe_follows_the_account_scope_too()
    {
        var contact = Rules.NewContact();

        Rules.Apply(contact, new MailgunEvent("failed", "permanent", "suppress-unsubscribe"), AllChannels);

        contact.Aggregate.Should().Be(DndAggregate.On);
    }

    [Fact]
    public void Complained_is_a_permanent_spam_lock()
    {
        var contact = Rules.NewContact();

        var decision = Rules.Apply(contact, new MailgunEvent("complained"));

        contact[Channel.Email].Should().BeEquivalentTo(new { Status = DndStatus.Permanent, Code = "spam_complaint", SpamLock = true });
        decision.Classification.Rule.Should().Be("MailgunComplained");
    }

    [Fact]
    public void Complaint_upgrades_an_unsubscribe_to_a_spam_lock()
    {
        var contact = Rules.With(new MailgunEvent("unsubscribed"), new MailgunEvent("complained"));

        contact[Channel.Email].SpamLock.Should().BeTrue();
    }

    [Theory]
    [InlineData("delivered")]
    [InlineData("opened")]
    [InlineData("clicked")]
    public void Engagement_events_change_nothing(string evt)
    {
        Rules.Apply(Rules.NewContact(), new MailgunEvent(evt)).Changed.Should().BeFalse();
    }
}
