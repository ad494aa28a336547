using System.Net;
using System.Text.RegularExpressions;
using Dnd.Rules.Consent;
using Microsoft.Extensions.Options;

namespace Dnd.Crm.Messaging;

/// <summary>
/// Adds what the law and the inbox providers require, in the account's words (<see cref="RenderedCompliance"/>): its
/// opt-out text on SMS, and on email its unsubscribe link and footer plus List-Unsubscribe and List-Unsubscribe-Post
/// headers (RFC 8058 one-click).
/// </summary>
public sealed partial class MessageComposer(IOptions<MessagingOptions> options, UnsubscribeTokens tokens)
{
    public ComposedMessage Compose(Channel channel, string body, string? subject, UnsubscribeClaim claim, RenderedCompliance compliance)
    {
        switch (channel)
        {
            case Channel.Sms:
                return new ComposedMessage(compliance.SmsOptOut is { Length: > 0 } optOut && !AlreadySays(body, optOut)
                    ? $"{body.TrimEnd()}\n\n{optOut}"
                    : body, null, new Dictionary<string, string>());
            case Channel.Email:
                var url = UnsubscribeUrl(claim);
                var footer = string.IsNullOrWhiteSpace(compliance.EmailFooter) ? "" : $"<br>{WebUtility.HtmlEncode(compliance.EmailFooter)}";
                var html = $"{body}\n<p style=\"font-size:12px;color:#666\"><a href=\"{WebUtility.HtmlEncode(url)}\">" +
                           $"{WebUtility.HtmlEncode(compliance.UnsubscribeLinkText)}</a>{footer}</p>";
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

    /// <summary>A text's short unsubscribe link ({{ unsubscribe_link }} in an SMS), to a page that stops SMS or everything.</summary>
    public string ShortUnsubscribeUrl(string messageId) => $"{options.Value.PublicBaseUrl.TrimEnd('/')}/u/{tokens.CreateShort(messageId)}";

    /// <summary>What {{ unsubscribe_link }} says in a message's body: the channel's own link, none where there is none.</summary>
    public string UnsubscribeLinkFor(Channel channel, UnsubscribeClaim claim) => channel switch
    {
        Channel.Sms => ShortUnsubscribeUrl(claim.MessageId),
        Channel.Email => UnsubscribeUrl(claim),
        _ => "",
    };

    /// <summary>
    /// Whether the body already tells the contact how to opt out: it holds the opt-out text itself (spacing and case
    /// aside) or a STOP instruction of its own. The text is never added twice.
    /// </summary>
    public static bool AlreadySays(string body, string optOut) =>
        Squeezed(body).Contains(Squeezed(optOut), StringComparison.OrdinalIgnoreCase) || MentionsStop().IsMatch(body);

    private static string Squeezed(string text) => Spaces().Replace(text.Trim(), " ");

    [GeneratedRegex(@"\bSTOP\b", RegexOptions.IgnoreCase)]
    private static partial Regex MentionsStop();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
