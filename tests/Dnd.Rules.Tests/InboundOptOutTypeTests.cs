using Dnd.Rules.Consent;
using Dnd.Rules.Events;
using Dnd.Rules.Data;

namespace Dnd.Rules.Tests;

/// <summary>Twilio Advanced Opt-Out has already acted on the number, so its OptOutType outranks the body's words.</summary>
public class InboundOptOutTypeTests
{
    private static readonly AccountSettings NoKeywordChannels = AccountSettings.Default with { KeywordChannels = [Channel.Fb] };

    public static TheoryData<Channel, string, string> StopsWithOtherBodies() => new()
    {
        { Channel.Sms, "hello", "STOP" },
        { Channel.Sms, "START", "STOP" },
        { Channel.Sms, "", "stop" },
        { Channel.WhatsApp, "please leave me alone", " Stop " },
        { Channel.WhatsApp, "YES", "STOP" },
    };

    [Theory]
    [MemberData(nameof(StopsWithOtherBodies))]
    public void Stop_sets_that_channel_permanent_whatever_the_body_says(Channel channel, string body, string optOutType)
    {
        var contact = Rules.NewContact();

        var decision = Rules.Apply(contact, new InboundMessageEvent(channel, body, optOutType));

        contact[channel].Should().BeEquivalentTo(new { Status = DndStatus.Permanent, Code = "twilio_opt_out" });
        contact[channel].Message.Should().Contain("OptOutType STOP");
        decision.Classification.Rule.Should().Be("TwilioAdvancedOptOutStop");
        Rules.Except(channel).Should().OnlyContain(c => !contact.IsBlocked(c));
    }

    [Theory]
    [InlineData(Channel.Sms, "QUIT", "START")]
    [InlineData(Channel.Sms, "hello", "start")]
    [InlineData(Channel.WhatsApp, "STOP", "START")]
    [InlineData(Channel.WhatsApp, "", " Start ")]
    public void Start_lifts_the_contacts_own_opt_out_whatever_the_body_says(Channel channel, string body, string optOutType)
    {
        var contact = Rules.With(new InboundMessageEvent(channel, "STOP"));

        var decision = Rules.Apply(contact, new InboundMessageEvent(channel, body, optOutType));

        contact[channel].Status.Should().Be(DndStatus.Inactive);
        decision.Classification.Rule.Should().Be("TwilioAdvancedOptOutStart");
        decision.For(channel).PolicyRule.Should().Be("ContactOptInLiftsOwnOptOut");
    }

    [Fact]
    public void Start_lifts_twilio_21610_like_the_opt_in_keyword()
    {
        var contact = Rules.With(new TwilioSmsStatusEvent("failed", "21610"));

        Rules.Apply(contact, new InboundMessageEvent(Channel.Sms, "hi", "START"));

        contact[Channel.Sms].Status.Should().Be(DndStatus.Inactive);
    }

    [Fact]
    public void Start_lifts_the_contacts_own_30004_block_but_not_a_users_dnd()
    {
        var blocked = Rules.With(new TwilioSmsStatusEvent("failed", "30004"));
        var userSet = Rules.With(new UserDndChange(Channel.WhatsApp, true, "u1"));

        var onBlocked = Rules.Apply(blocked, new InboundMessageEvent(Channel.Sms, "START", "START"));
        var onUserSet = Rules.Apply(userSet, new InboundMessageEvent(Channel.WhatsApp, "START", "START"));

        // 30004: the recipient blocked the sender, their own opt-out, which their START lifts.
        blocked[Channel.Sms].Status.Should().Be(DndStatus.Inactive);
        onBlocked.For(Channel.Sms).PolicyRule.Should().Be("ContactOptInLiftsOwnOptOut");
        userSet[Channel.WhatsApp].Status.Should().Be(DndStatus.Active);
        onUserSet.For(Channel.WhatsApp).PolicyRule.Should().Be("ContactOptInLiftsOnlyOptOuts");
    }

    [Theory]
    [InlineData(Channel.Sms, "STOP")]
    [InlineData(Channel.Sms, "help")]
    [InlineData(Channel.WhatsApp, "UNSUBSCRIBE")]
    public void Help_changes_nothing_and_is_ruled_explicitly(Channel channel, string body)
    {
        var contact = Rules.NewContact();

        var decision = Rules.Apply(contact, new InboundMessageEvent(channel, body, "HELP"));

        decision.Changed.Should().BeFalse();
        contact.Aggregate.Should().Be(DndAggregate.Off);
        contact.Ledger.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Rule = "TwilioAdvancedOptOutHelp",
            Verdict = Verdict.Unchanged,
            Channel = (Channel?)null,
            PolicyRule = (string?)null,
        });
    }

    [Fact]
    public void Help_does_not_lift_an_opt_out_either()
    {
        var contact = Rules.With(new InboundMessageEvent(Channel.Sms, "STOP"));

        Rules.Apply(contact, new InboundMessageEvent(Channel.Sms, "START", "HELP"));

        contact[Channel.Sms].Status.Should().Be(DndStatus.Permanent);
    }

    [Theory]
    [InlineData(Channel.Sms)]
    [InlineData(Channel.WhatsApp)]
    public void Opt_out_type_counts_where_the_account_does_not_read_keywords(Channel channel)
    {
        var contact = Rules.NewContact();
        var perSe = Rules.NewContact();

        // Changed with phrase detection: STOP revokes per se under the FCC rule, keyword channel or not (the law's floor).
        Rules.Apply(perSe, new InboundMessageEvent(channel, "STOP"), NoKeywordChannels);
        perSe[channel].Should().BeEquivalentTo(new { Status = DndStatus.Permanent, Code = DndCodes.PhraseOptOut });

        Rules.Apply(contact, new InboundMessageEvent(channel, "hello"), NoKeywordChannels);
        contact[channel].Status.Should().Be(DndStatus.Inactive);

        Rules.Apply(contact, new InboundMessageEvent(channel, "hello", "STOP"), NoKeywordChannels);
        contact[channel].Should().BeEquivalentTo(new { Status = DndStatus.Permanent, Code = "twilio_opt_out" });

        var lifted = Rules.With(new InboundMessageEvent(channel, "STOP"));
        Rules.Apply(lifted, new InboundMessageEvent(channel, "hello", "START"), NoKeywordChannels);
        lifted[channel].Status.Should().Be(DndStatus.Inactive);
    }

    [Theory]
    [InlineData(Channel.Fb)]
    [InlineData(Channel.Email)]
    [InlineData(Channel.Gmb)]
    public void Opt_out_type_is_read_only_on_sms_and_whatsapp(Channel channel)
    {
        var contact = Rules.NewContact();

        var decision = Rules.Apply(contact, new InboundMessageEvent(channel, "hello", "STOP"));

        decision.Changed.Should().BeFalse();
        decision.Classification.Rule.Should().Be("NoRuleMatched");
    }

    [Fact]
    public void Outside_sms_and_whatsapp_the_body_keyword_still_decides()
    {
        var contact = Rules.NewContact();

        var decision = Rules.Apply(contact, new InboundMessageEvent(Channel.Fb, "STOP", "HELP"));

        contact[Channel.Fb].Status.Should().Be(DndStatus.Permanent);
        decision.Classification.Rule.Should().Be("InboundOptOutKeyword");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("UNKNOWN")]
    public void Without_a_known_opt_out_type_the_body_keyword_decides(string? optOutType)
    {
        var contact = Rules.NewContact();

        var decision = Rules.Apply(contact, new InboundMessageEvent(Channel.Sms, "STOP", optOutType));

        decision.Classification.Rule.Should().Be("InboundOptOutKeyword");
        contact[Channel.Sms].Code.Should().Be("keyword_opt_out");
    }

    [Fact]
    public void The_ledger_line_names_the_rule_and_the_opt_out_type()
    {
        var contact = Rules.NewContact();

        Rules.Apply(contact, new InboundMessageEvent(Channel.Sms, "hello", "STOP"));

        var line = contact.Ledger.Should().ContainSingle().Subject;
        line.Should().BeEquivalentTo(new
        {
            Rule = "TwilioAdvancedOptOutStop",
            PolicyRule = "StrengtheningIsAlwaysAllowed",
            Channel = (Channel?)Channel.Sms,
            Verdict = Verdict.Applied,
            Actor = Actor.Contact,
        });
        line.Event.Should().Contain("\"hello\"").And.Contain("OptOutType=STOP");
        line.Explanation.Should().Contain("TwilioAdvancedOptOutStop");
    }

    [Fact]
    public void The_event_description_leaves_out_an_absent_opt_out_type()
    {
        new InboundMessageEvent(Channel.Sms, "hi").Describe().Should().NotContain("OptOutType");
        new InboundMessageEvent(Channel.Sms, "hi", "START").Describe().Should().EndWith("OptOutType=START");
    }

    [Fact]
    public void A_stop_Twilio_applied_is_lifted_by_the_start_Twilio_applied()
    {
        var contact = Rules.NewContact();
        Rules.Apply(contact, new InboundMessageEvent(Channel.Sms, "hello", "STOP"));

        var decision = Rules.Apply(contact, new InboundMessageEvent(Channel.Sms, "", "START"));

        contact[Channel.Sms].Status.Should().Be(DndStatus.Inactive);
        decision.For(Channel.Sms).PolicyRule.Should().Be("ContactOptInLiftsOwnOptOut");
    }
}
