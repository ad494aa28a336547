using Dnd.Rules.Consent;

namespace Dnd.Rules.Data;

/// <summary>
/// What a classifier rule (or a data table's entry) asks for when it matches. Channels is a channel wire name,
/// <see cref="AllChannels"/>, or <see cref="EventChannels"/> (the event's own channel).
/// </summary>
public sealed record ClassifierOutcome(
    ChangeKind Change,
    DndStatus Status,
    string Channels,
    string? Code,
    string Message,
    bool SpamLock = false)
{
    public const string EventChannels = "event";
    public const string AllChannels = "all";

    public static ClassifierOutcome Set(DndStatus status, string channels, string code, string message, bool spamLock = false) =>
        new(ChangeKind.Set, status, channels, code, message, spamLock);

    public static ClassifierOutcome Lift(string channels, string message) => new(ChangeKind.Lift, DndStatus.Inactive, channels, null, message);

    public static ClassifierOutcome Nothing(string message) => new(ChangeKind.None, DndStatus.Inactive, AllChannels, null, message);

    /// <summary>A possible opt-out on the event's channel: queued for review, nothing changed.</summary>
    public static ClassifierOutcome Review(string code, string message) => new(ChangeKind.Review, DndStatus.Inactive, EventChannels, code, message);

    /// <summary>Why this outcome cannot stand, or null: what a table entry must satisfy.</summary>
    public string? Problem(bool eventHasChannel)
    {
        if (string.IsNullOrWhiteSpace(Message))
        {
            return "message is required";
        }
        if (Change == ChangeKind.None)
        {
            return null;
        }
        if (Channels is not (EventChannels or AllChannels) && !ChannelNames.TryParse(Channels, out _))
        {
            return $"channels '{Channels}' is not a channel, 'all' or 'event'";
        }
        if (Channels == EventChannels && !eventHasChannel)
        {
            return "channels 'event' needs an event that names a channel";
        }
        if (Change == ChangeKind.Review && Channels != EventChannels)
        {
            return "a review is for the event's own channel ('event')";
        }
        if (Change == ChangeKind.Set && Status == DndStatus.Inactive)
        {
            return "status must be Active or Permanent for a Set";
        }
        if (SpamLock && (Change != ChangeKind.Set || Status != DndStatus.Permanent))
        {
            return "a spam lock must be a Permanent Set";
        }
        return null;
    }
}
