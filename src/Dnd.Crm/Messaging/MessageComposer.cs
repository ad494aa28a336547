using System.Net;
using System.Text.RegularExpressions;
using Dnd.Rules.Consent;
using Microsoft.Extensions.Options;

namespace Dnd.Crm.Messaging;

/// <summary>
/// Adds what the law and the inbox providers require: an opt-out footer on SMS, and on email an unsubscribe link
/// plus List-Unsubscribe and List-Unsubscribe-Post headers (RFC 8058 one-click).
/// </summary>
public sealed partial class MessageComposer(IOptions<MessagingOptions> options, UnsubscribeTokens tokens)
{
    public ComposedMessage Compose(Channel channel, string body, string? subject, UnsubscribeClaim claim)
    {
        switch (channel)
        {
            case Channel.Sms:
                var footer = options.Value.SmsOptOutFooter;
                return new ComposedMessage(
                    MentionsStop().IsMatch(body) ? body : $"{body.TrimEnd()}\n\n{footer}", null, new Dictionary<string, string>());
            case Channel.Email:
                var url = UnsubscribeUrl(claim);
                var html = $"{body}\n<p style=\"font-size:12px;color:#666\"><a href=\"{WebUtility.HtmlEncode(url)}\">Unsubscribe</a></p>";
                return new ComposedMessage(html, subject, new Dictionary<string, string>
                {
                    ["List-Unsubscribe"] = $"<{url}>",
                    ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
                });
            default:
                return new ComposedMessage(body, subject, new Dictionary<string, string>());
        }
    }

    public string UnsubscribeUrl(UnsubscribeClaim claim) =>
        $"{options.Value.PublicBaseUrl.TrimEnd('/')}/unsubscribe/{tokens.Create(claim)}";

    // A body that already tells the contact how to opt out needs no second footer.
    [GeneratedRegex(@"\bSTOP\b", RegexOptions.IgnoreCase)]
    private static partial Regex MentionsStop();
}
