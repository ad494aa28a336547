using Dnd.Rules.Consent;
using Dnd.Rules.Engine;
using Dnd.Rules.Events;
using Dnd.Rules.Data;

namespace Dnd.Rules.Tests;

/// <summary>Shared engine over the shipped rule files; compiling the rules once keeps the suite fast.</summary>
internal static class Rules
{
    public static readonly NRulesPolicy Policy = new(DndRuleSet.Default);

    public static ConsentEngine Engine { get; } = new(Policy, TimeProvider.System);

    public static ContactConsent NewContact() => new($"c-{Guid.NewGuid():N}");

    public static ConsentDecision Apply(ContactConsent contact, ConsentEvent evt, AccountSettings? settings = null) =>
        Engine.ApplyAsync(contact, evt, settings ?? AccountSettings.Default).AsTask().GetAwaiter().GetResult();

    public static ContactConsent With(params ConsentEvent[] events)
    {
        var contact = NewContact();
        foreach (var evt in events)
        {
            Apply(contact, evt);
        }
        return contact;
    }

    public static IEnumerable<Channel> Except(params Channel[] channels) => ChannelNames.All.Except(channels);
}
