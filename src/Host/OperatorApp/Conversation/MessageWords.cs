using Dnd.Crm.Integrations;
using System.Net;
using System.Text.RegularExpressions;
using Dnd.Crm.Persistence;
using Dnd.Host.Api.Conversations;

namespace Dnd.Host.OperatorApp.ConversationScreen;

/// <summary>A message as staff read it: its status in words with the reason the product recorded, its purpose, its text.</summary>
public static partial class MessageWords
{
    public static bool Inbound(MessageDto m) => m.Direction == "inbound";

    /// <summary>"Queued", "Waiting for quiet hours to end: …", "Sending", "Sent", "Failed: …", "Skipped by DND: …", "Cancelled: …", "Held for review: …", "Received", "Blocked by inbound DND".</summary>
    public static string Status(MessageDto m) => m.Status switch
    {
        // A queued message that waits says so with the outbox's reason ("waiting for quiet hours to end: …").
        MessageStatus.Queued when m.NotBefore is not null && m.StatusReason is { Length: > 0 } waits => Capitalized(waits),
        MessageStatus.Queued => "Queued",
        MessageStatus.Sending => "Sending",
        MessageStatus.Sent => "Sent",
        MessageStatus.Failed => $"Failed: {Reason(m)}",
        MessageStatus.Skipped => $"Skipped by DND: {Reason(m)}",
        MessageStatus.Cancelled => $"Cancelled: {Reason(m)}",
        MessageStatus.Held when m.StatusReason == IntegrationHolds.Reason => "Held: integration disconnected",
        // The outbox's reason starts "held: …", which the words already say.
        MessageStatus.Held => $"Held for review: {Reason(m).RemovePrefix("held: ")}",
        MessageStatus.Received => "Received",
        MessageStatus.BlockedInboundDnd => "Blocked by inbound DND",
        _ => m.Status,
    };

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>A purpose worth naming on the bubble: the opt-out's one confirmation, or a transactional message; null for marketing.</summary>
    public static string? Purpose(MessageDto m) => m.Direction == "inbound" ? null : m.Purpose switch
    {
        MessagePurpose.OptOutConfirmation => "Opt-out confirmation",
        MessagePurpose.Transactional => "Transactional",
        _ => null,
    };

    /// <summary>The body to show: an e-mail's HTML (which the product composed) as plain text; a skip's body, which is only its reason, not at all.</summary>
    public static string? Body(MessageDto m)
    {
        if (m.Status == MessageStatus.Skipped && m.Body == m.StatusReason)
        {
            return null;
        }
        return m.Channel == "Email" && m.Direction == "outbound" ? Text(m.Body) : m.Body;
    }

    /// <summary>
    /// HTML to its text: line breaks for breaks and block ends, tags dropped, entities decoded. The result is shown as
    /// text (encoded by Razor), never as markup, so nothing in a body can run in the operator's browser.
    /// </summary>
    public static string Text(string html)
    {
        var text = Hidden().Replace(html, "");
        text = Breaks().Replace(text, "\n");
        text = Tags().Replace(text, "");
        text = WebUtility.HtmlDecode(text);
        return BlankLines().Replace(text, "\n\n").Trim();
    }

    private static string Reason(MessageDto m) => string.IsNullOrWhiteSpace(m.StatusReason) ? "no reason recorded" : m.StatusReason;

    private static string RemovePrefix(this string text, string prefix) =>
        text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? text[prefix.Length..] : text;

    [GeneratedRegex(@"<(script|style|head)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"<br\s*/?>|</(p|div|li|tr|h[1-6])\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex Breaks();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"[ \t]*\n(\s*\n)+")]
    private static partial Regex BlankLines();
}
