using Dnd.Rules.Consent;
using Dnd.Rules.Events;

namespace Dnd.Rules.Tests;

public class UnsubscribeLinkRulesTests
{
    [Fact]
    public void A_texts_link_stops_sms_as_the_contacts_own_opt_out_which_their_start_lifts()
    {
        var contact = Rules.NewContact();

        var decision = Rules.Apply(contact, new UnsubscribeLinkEvent("m1", Channel.Sms));

        decision.Classification.Rule.Should().Be("UnsubscribeLinkSms");
        contact[Channel.Sms].Should().BeEquivalentTo(new { Status = DndStatus.Permanent, Code = DndCodes.SmsLinkOptOut });
        contact[Channel.Email].Status.Should().Be(DndStatus.Inactive);
        Rules.Apply(contact, new InboundMessageEvent(Channel.Sms, "START"));
        contact[Channel.Sms].Status.Should().Be(DndStatus.Inactive);
    }

    [Fact]
    public void Stop_everything_after_stop_sms_keeps_sms_permanent_and_blocks_the_rest_for_a_user_but_not_a_workflow_to_lift()
    {
        var contact = Rules.NewContact();

        Rules.Apply(contact, new UnsubscribeLinkEvent("m1", Channel.Sms));
        var all = Rules.Apply(contact, new UnsubscribeLinkEvent("m1", Channel.Sms, Everything: true));

        all.Classification.Rule.Should().Be("UnsubscribeLinkEverything");
        contact[Channel.Sms].Status.Should().Be(DndStatus.Permanent);
        ChannelNames.All.Where(c => c != Channel.Sms).Should().OnlyContain(c => contact[c].Status == DndStatus.Active && contact[c].Code == DndCodes.LinkUnsubscribeAll);
        Rules.Apply(contact, new UserDndChange(Channel.Email, false, "wf", "re-engage", ByWorkflow: true)).For(Channel.Email).PolicyRule
            .Should().Be("WorkflowCannotLiftUnsubscribe");
        Rules.Apply(contact, new UserDndChange(Channel.Email, false, "u1", "asked for receipts"));
        contact[Channel.Email].Status.Should().Be(DndStatus.Inactive);
    }

    [Fact]
    public void An_email_link_is_still_the_email_unsubscribe()
    {
        var contact = Rules.NewContact();

        Rules.Apply(contact, new UnsubscribeLinkEvent("m1"));

        contact[Channel.Email].Should().BeEquivalentTo(new { Status = DndStatus.Active, Code = DndCodes.EmailUnsubscribe });
        contact[Channel.Sms].Status.Should().Be(DndStatus.Inactive);
    }
}
