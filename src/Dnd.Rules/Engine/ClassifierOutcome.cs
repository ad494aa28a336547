using System.Text.Json;
using Dnd.Rules.Consent;
using Dnd.Rules.Policy;

namespace Dnd.Rules.Engine;

/// <summary>
/// A classifier rule's Properties, parsed once at load: what the rule asks for when it matches.
/// "channels" is a channel wire name, "all", or "event" (the event's own channel).
/// </summary>
internal sealed record ClassifierOutcome(
    ChangeKind Change,
    DndStatus Status,
    string Channels,
    string? Code,
    string Message,
    bool SpamLock)
{
    public const string EventChannels = "event";
    public const string AllChannels = "all";

    public static ClassifierOutcome Parse(string workflow, string rule, IReadOnlyDictionary<string, object>? props)
    {
        RuleSetException Error(string what) => new($"{workflow}/{rule}: {what}");
        if (props is null)
        {
            throw Error("missing Properties (change, channels, message)");
        }
        if (!Enum.TryParse<ChangeKind>(Text(props, "change"), ignoreCase: true, out var change))
        {
            throw Error("Properties.change must be Set, Lift or None");
        }
        var message = Text(props, "message") ?? throw Error("Properties.message is required");
        if (change == ChangeKind.None)
        {
            return new ClassifierOutcome(change, DndStatus.Inactive, AllChannels, null, message, false);
        }
        var channels = Text(props, "channels") ?? throw Error("Properties.channels is required");
        if (channels is not (EventChannels or AllChannels) && !ChannelNames.TryParse(channels, out _))
        {
            throw Error($"Properties.channels '{channels}' is not a channel, 'all' or 'event'");
        }
        var status = DndStatus.Inactive;
        if (change == ChangeKind.Set &&
            (!Enum.TryParse(Text(props, "status"), ignoreCase: true, out status) || status == DndStatus.Inactive))
        {
            throw Error("Properties.status must be Active or Permanent for a Set");
        }
        var spamLock = Flag(props, "spamLock");
        if (spamLock && status != DndStatus.Permanent)
        {
            throw Error("a spam lock must be Permanent");
        }
        return new ClassifierOutcome(change, status, channels, Text(props, "code"), message, spamLock);
    }

    internal static string? Text(IReadOnlyDictionary<string, object> props, string key) =>
        props.TryGetValue(key, out var v) ? v switch
        {
            JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
            JsonElement e => e.ToString(),
            null => null,
            _ => v.ToString(),
        } : null;

    private static bool Flag(IReadOnlyDictionary<string, object> props, string key) =>
        props.TryGetValue(key, out var v) && v switch
        {
            JsonElement { ValueKind: JsonValueKind.True } => true,
            bool b => b,
            _ => false,
        };
}
