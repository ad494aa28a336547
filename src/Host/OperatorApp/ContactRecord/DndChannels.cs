using Dnd.Rules.Consent;

namespace Dnd.Host.OperatorApp.ContactScreen;

/// <summary>
/// The channel list the contact record shows: the product's channels (<see cref="ChannelNames.All"/>, in its order), each
/// with the label staff read. The only place the screen names channels, so a channel added to the product shows up here.
/// </summary>
public static class DndChannels
{
    public static IReadOnlyList<(Channel Channel, string Label)> All { get; } = ChannelNames.All.Select(c => (c, Label(c))).ToList();

    public static string Label(Channel channel) => channel switch
    {
        Channel.Call => "Calls",
        Channel.Email => "Emails",
        Channel.Sms => "SMS",
        Channel.WhatsApp => "WhatsApp",
        Channel.Fb => "Facebook",
        Channel.Gmb => "GMB",
        // A channel added to the product before it gets a label here shows under its API name.
        _ => channel.ToWire(),
    };

    /// <summary>One message's channel ("Email", "Call"), where <see cref="Label"/> names what DND stops ("Emails", "Calls").</summary>
    public static string Singular(Channel channel) => channel switch
    {
        Channel.Call => "Call",
        Channel.Email => "Email",
        _ => Label(channel),
    };
}
