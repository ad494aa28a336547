using System.Text.Json;
using Dnd.Rules.Consent;
using Dnd.Rules.Events;

namespace Dnd.Host.Api.BulkDnd;

/// <summary>
/// A bulk DND job's parameters as stored on it, normalized (channels by their one spelling, ids distinct), so the
/// same request resubmitted with its key compares equal.
/// </summary>
/// <param name="Channels">Wire names; null for all channels.</param>
/// <param name="By">The person or key the events name, as a single change of theirs would.</param>
public sealed record BulkDndParameters(bool Set, bool Permanent, IReadOnlyList<string>? Channels, string? Message, IReadOnlyList<string>? ContactIds,
    string? SmartListId, string By)
{
    public string ToJson() => JsonSerializer.Serialize(this);

    public static BulkDndParameters FromJson(string json) => JsonSerializer.Deserialize<BulkDndParameters>(json)!;

    /// <summary>The same events a user's own change of one contact makes: one per channel, or one for all channels.</summary>
    public IEnumerable<UserDndChange> Changes() =>
        Channels is null ? [Change(null)] : Channels.Select(c => Change(ChannelNames.Parse(c)));

    private UserDndChange Change(Channel? channel) => new(channel, Set, By, Message, Permanent: Set && Permanent);
}
