using Dnd.Rules.Consent;

namespace Dnd.Rules.Policy;

/// <summary>What an event asks for, and the rule that said so.</summary>
public sealed record Classification(
    string Rule,
    ChangeKind Kind,
    IReadOnlyList<Channel> Channels,
    DndStatus Target,
    string? Code,
    string? Message,
    bool SpamLock)
{
    /// <summary>Every rule that fired on the event, in firing order (NRules' session events); the first one decided.</summary>
    public IReadOnlyList<string> Fired { get; init; } = [];

    public static Classification Nothing(string rule, string message) =>
        new(rule, ChangeKind.None, [], DndStatus.Inactive, null, message, false);
}
