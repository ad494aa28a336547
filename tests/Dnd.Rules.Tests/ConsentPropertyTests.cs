using Dnd.Rules.Consent;
using Dnd.Rules.Events;

namespace Dnd.Rules.Tests;

/// <summary>Invariants that must hold for every sequence of events, checked over many seeded random sequences.</summary>
public class ConsentPropertyTests
{
    private const int Seeds = 250;
    private const int Steps = 40;

    [Fact]
    public void No_sequence_of_actions_lifts_a_spam_lock()
    {
        ForAllSequences(prefix: [new MailgunEvent("complained")], (contact, _, _) =>
            contact[Channel.Email].Status == DndStatus.Permanent && contact[Channel.Email].SpamLock);
    }

    [Fact]
    public void A_spam_lock_reached_midway_is_never_lifted_afterwards()
    {
        var locks = 0;
        ForAllSequences(prefix: [], (contact, history, _) =>
        {
            var lockedAt = history.FindIndex(e => e.Channel == Channel.Email && e.Verdict == Verdict.Applied &&
                                                   e.Rule is "MailgunComplained" or "MailgunSuppressedComplaint");
            if (lockedAt < 0)
            {
                return true;
            }
            locks++;
            return contact[Channel.Email].SpamLock && contact[Channel.Email].Status == DndStatus.Permanent;
        });
        locks.Should().BeGreaterThan(Seeds, "the generator must actually reach spam locks for this to mean anything");
    }

    [Fact]
    public void Users_and_workflows_never_turn_permanent_dnd_into_anything_weaker_without_proof_of_consent()
    {
        var lifted = 0;
        ForAllSequences(prefix: [], (_, history, _) => history
            .Where(e => e.Actor is Actor.User or Actor.Workflow && e.Before == DndStatus.Permanent)
            .All(e => e.After == DndStatus.Permanent ||
                      // The one way: a user (never a workflow) who recorded proof, and never off a spam lock (checked above).
                      (e.Actor == Actor.User && e.Proof is not null && e.PolicyRule == "UserLiftsPermanentWithProof" && ++lifted > 0)));
        lifted.Should().BeGreaterThan(0, "the generator must reach lifts with proof for the exception to be exercised");
    }


    [Fact]
    public void The_ledger_replays_to_the_current_state()
    {
        ForAllSequences(prefix: [], (contact, history, _) =>
        {
            var replayed = ChannelNames.All.ToDictionary(c => c, _ => DndStatus.Inactive);
            foreach (var e in history.Where(e => e.Channel is not null))
            {
                if (e.Before != replayed[e.Channel!.Value])
                {
                    return false;
                }
                replayed[e.Channel.Value] = e.After!.Value;
            }
            return history.Select(e => e.Sequence).SequenceEqual(Enumerable.Range(1, history.Count).Select(i => (long)i))
                && ChannelNames.All.All(c => replayed[c] == contact[c].Status);
        });
    }

    private static void ForAllSequences(ConsentEvent[] prefix, Func<ContactConsent, List<ConsentLedgerEntry>, int, bool> invariant)
    {
        for (var seed = 0; seed < Seeds; seed++)
        {
            var random = new Random(seed);
            var settings = RandomEvents.Settings(random);
            var contact = Rules.NewContact();
            var applied = new List<ConsentEvent>();
            foreach (var evt in prefix.Concat(Enumerable.Range(0, Steps).Select(_ => RandomEvents.Next(random))))
            {
                Rules.Apply(contact, evt, settings);
                applied.Add(evt);
                if (!invariant(contact, contact.Ledger.ToList(), seed))
                {
                    throw new Xunit.Sdk.XunitException(
                        $"Invariant broken at seed {seed} after:\n  {string.Join("\n  ", applied.Select(e => e.Describe()))}");
                }
            }
        }
    }
}
