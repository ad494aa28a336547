using Dnd.Host.Tests.Infrastructure;

namespace Dnd.Host.Tests.Api;

/// <summary>Each stored ledger line says every rule that fired, whichever write path stored it.</summary>
public class LedgerFiredRulesTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    [Fact]
    public async Task A_webhooks_ledger_line_lists_the_rules_that_fired()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { phone = "+15550730001" })).GetProperty("id").GetString()!;

        await Http.EnsureAsync(await Twilio.StatusAsync(_app, account, "+15550730001", "undelivered", "30003"), 200);
        await Http.EnsureAsync(await Twilio.InboundAsync(_app, account, "+15550730001", "STOP"), 200);

        var lines = (await account.LedgerAsync(id)).EnumerateArray().Where(l => l.GetProperty("channel").GetString() == "SMS").ToList();
        lines.Select(l => l.GetProperty("firedRules").EnumerateArray().Select(r => r.GetString()).ToList()).Should().BeEquivalentTo(new[]
        {
            new[] { "TwilioErrorCodeListed", "StrengtheningIsAlwaysAllowed" },
            // The account's keyword decides; the law's per-se word matches too and is listed after it.
            new[] { "InboundOptOutKeyword", "InboundPerSeOptOutWord", "StrengtheningIsAlwaysAllowed" },
        }, o => o.WithStrictOrdering());
    }
}
