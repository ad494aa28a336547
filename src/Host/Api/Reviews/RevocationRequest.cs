using Dnd.Host.Errors;
using Dnd.Host.Limits;
using Dnd.Rules.Consent;

namespace Dnd.Host.Api.Reviews;

/// <summary>A revocation that reached the business outside a text: a call, an e-mail, a letter, a web form, in person.</summary>
/// <param name="Channels">Channel names it covers, or ["all"].</param>
/// <param name="ReceivedAt">When it was received: the deadline is counted from here.</param>
public sealed record RevocationRequest(string? Method, IReadOnlyList<string>? Channels, DateTimeOffset? ReceivedAt, string? Note = null)
{
    public static readonly IReadOnlyList<string> Methods = ["call", "email", "letter", "web_form", "in_person", "text", "other"];

    /// <exception cref="ApiValidationException">422 naming every field at fault.</exception>
    public (string Method, IReadOnlyList<Channel> Channels, DateTimeOffset ReceivedAt) Validate(DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var method = Method?.Trim().ToLowerInvariant();
        if (method is null || !Methods.Contains(method))
        {
            errors.Add("method", $"method must be one of {string.Join(", ", Methods)}");
        }
        var channels = new List<Channel>();
        if (Channels is null || Channels.Count == 0)
        {
            errors.Add("channels", "channels must name at least one channel, or be [\"all\"]");
        }
        else if (Channels.Count == 1 && string.Equals(Channels[0]?.Trim(), "all", StringComparison.OrdinalIgnoreCase))
        {
            channels.AddRange(ChannelNames.All);
        }
        else
        {
            for (var i = 0; i < Channels.Count; i++)
            {
                if (ChannelNames.TryParse(Channels[i], out var channel))
                {
                    channels.Add(channel);
                }
                else
                {
                    errors.Add($"channels[{i}]", $"must be one of {string.Join(", ", ChannelNames.All.Select(c => c.ToWire()))} (or the list [\"all\"])");
                }
            }
        }
        if (ReceivedAt is null)
        {
            errors.Add("receivedAt", "receivedAt is required: the 10-business-day clock starts when the revocation was received");
        }
        else if (ReceivedAt > now.AddMinutes(5))
        {
            errors.Add("receivedAt", "receivedAt is in the future");
        }
        errors.MaxLength("note", Note, ApiLimits.TextLength);
        errors.ThrowIfAny("The revocation is invalid.");
        return (method!, channels.Distinct().ToList(), ReceivedAt!.Value);
    }
}
