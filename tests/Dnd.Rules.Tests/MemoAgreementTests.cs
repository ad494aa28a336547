using Dnd.Rules.Consent;
using Dnd.Rules.Engine;

namespace Dnd.Rules.Tests;

/// <summary>The memo only ever answers what a fresh NRules session would: equal facts, equal decision.</summary>
public class MemoAgreementTests
{
    [Fact]
    public void Memoized_and_live_rules_write_the_same_ledger_for_random_histories()
    {
        var memoized = new ConsentEngine(new NRulesPolicy(DndRuleSet.Default), TimeProvider.System);
        var live = new ConsentEngine(new NRulesPolicy(DndRuleSet.Default, memoize: false), TimeProvider.System);
        var random = new Random(20261125);
        for (var history = 0; history < 200; history++)
        {
            var (a, b) = (new ContactConsent("a"), new ContactConsent("b"));
            for (var step = 0; step < 25; step++)
            {
                var (evt, settings) = (RandomEvents.Next(random), RandomEvents.Settings(random));
                memoized.ApplyAsync(a, evt, settings).AsTask().GetAwaiter().GetResult();
                live.ApplyAsync(b, evt, settings).AsTask().GetAwaiter().GetResult();
            }
            a.Ledger.Select(Line).Should().Equal(b.Ledger.Select(Line), $"history {history} must not depend on the memo");
        }
    }

    private static string Line(ConsentLedgerEntry e) =>
        $"{e.Channel} {e.Verdict} {e.Before}->{e.After} {e.Rule} {e.PolicyRule} [{string.Join(",", e.FiredRules ?? [])}] {e.Explanation}";
}
