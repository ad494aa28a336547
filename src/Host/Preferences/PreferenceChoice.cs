using Dnd.Rules.Consent;

namespace Dnd.Host.Preferences;

/// <summary>One button of the preference center: a channel off or on ("SMS:off"), or everything off.</summary>
public sealed record PreferenceChoice(Channel? Channel, bool On)
{
    public const string Field = "change";
    public const string Everything = "everything";

    public string Value => Channel is { } c ? $"{c.ToWire()}:{(On ? "on" : "off")}" : Everything;

    public bool EmailOn => Channel == Rules.Consent.Channel.Email && On;

    public static PreferenceChoice? Parse(string? value)
    {
        if (value == Everything)
        {
            return new PreferenceChoice(null, false);
        }
        var colon = value?.LastIndexOf(':') ?? -1;
        if (colon <= 0 || !ChannelNames.TryParse(value![..colon], out var channel))
        {
            return null;
        }
        return value[(colon + 1)..] switch
        {
            "on" => new PreferenceChoice(channel, true),
            "off" => new PreferenceChoice(channel, false),
            _ => null,
        };
    }
}
