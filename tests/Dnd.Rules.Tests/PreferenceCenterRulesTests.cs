using Dnd.Rules.Consent;
using Dnd.Rules.Engine;
using Dnd.Rules.Events;
using Dnd.Rules.Policy;

namespace Dnd.Rules.Tests;

/// <summary>What the contact may lift from the preference center: their own opt-outs and unsubscribes, never a spam lock or a carrier's block.</summary>
public class PreferenceCenterRulesTests
{
    private static readonly NRulesPolicy Policy = new(DndRuleSet.Default);

    private static async Task<Judgement> LiftFromPageAsync(ChannelDnd current) =>
        await Policy.JudgeAsync(new ChangeRequest(Actor.Contact, ChangeKind.Lift, Channel.Sms, DndStatus.Inactive, false, current, ViaLink: true));

    [Theory]
    [InlineData(DndCodes.PreferenceOptOut, DndStatus.Permanent, "ContactOptInLiftsOwnOptOut")]
    [InlineData(DndCodes.KeywordOptOut, DndStatus.Permanent, "ContactOptInLiftsOwnOptOut")]
    [InlineData(DndCodes.EmailUnsubscribe, DndStatus.Active, "ContactLinkLiftsOwnUnsubscribe")]
    public async Task The_contact_lifts_their_own_opt_out_from_the_page(string code, DndStatus status, string rule)
    {
        var judgement = await LiftFromPageAsync(new ChannelDnd(status, code, null, null, null));
        judgement.Verdict.Should().Be(Verdict.Applied);
        judgement.Rule.Should().Be(rule);
    }

    [Theory]
    [InlineData(DndCodes.Twilio21610, "CarrierBlockIsLiftedOnlyOnTheChannel")]
    [InlineData(DndCodes.TwilioOptOut, "CarrierBlockIsLiftedOnlyOnTheChannel")]
    [InlineData(DndCodes.Meta131050, "CarrierBlockIsLiftedOnlyOnTheChannel")]
    [InlineData("mailgun_bounce", "ContactOptInLiftsOnlyOptOuts")]
    [InlineData("user", "ContactOptInLiftsOnlyOptOuts")]
    public async Task A_carrier_block_a_bounce_or_the_business_own_dnd_is_not_lifted_from_the_page(string code, string rule)
    {
        var judgement = await LiftFromPageAsync(new ChannelDnd(DndStatus.Permanent, code, null, null, null));
        judgement.Verdict.Should().Be(Verdict.Denied);
        judgement.Rule.Should().Be(rule);
    }

    [Fact]
    public async Task A_spam_lock_is_never_lifted_from_the_page() =>
        (await LiftFromPageAsync(new ChannelDnd(DndStatus.Permanent, "spam_complaint", null, null, null, SpamLock: true))).Rule.Should().Be("SpamLockIsNeverLifted");

    [Fact]
    public async Task Start_on_the_channel_still_lifts_a_carrier_block() =>
        (await Policy.JudgeAsync(new ChangeRequest(Actor.Contact, ChangeKind.Lift, Channel.Sms, DndStatus.Inactive, false,
            new ChannelDnd(DndStatus.Permanent, DndCodes.Twilio21610, null, null, null)))).Verdict.Should().Be(Verdict.Applied);

    [Fact]
    public async Task Email_on_waits_for_confirmation_and_the_confirmation_lifts_it()
    {
        var request = await Policy.ClassifyAsync(new PreferenceCenterChange(Channel.Email, true, "m"), Data.AccountSettings.Default);
        request.Kind.Should().Be(ChangeKind.None);
        request.Rule.Should().Be("PreferenceCenterEmailAwaitsConfirmation");
        var confirmed = await Policy.ClassifyAsync(new PreferenceCenterChange(Channel.Email, true, "m", Confirmed: true), Data.AccountSettings.Default);
        confirmed.Kind.Should().Be(ChangeKind.Lift);
        confirmed.Channels.Should().Equal(Channel.Email);
    }
}
