using Dnd.Crm.Integrations;
using Dnd.Rules.Consent;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Dnd.Crm.Delivery;

/// <summary>
/// E-mail through the account's own SMTP server (MailKit): the message's List-Unsubscribe headers go with it. SMTP keeps
/// no record we can ask, so a crash between hand-over and answer is resolved by sending again (README: at-least-once).
/// </summary>
public sealed class SmtpTransport(TimeProvider clock) : IProviderTransport
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public string Provider => IntegrationProviders.Smtp;

    public async Task<DeliveryOutcome> SendAsync(ProviderConnection connection, OutboundLetter letter, CancellationToken ct)
    {
        var smtp = (SmtpConnection)connection;
        if (letter.Channel != Channel.Email)
        {
            return DeliveryOutcome.Permanent("not_an_email", $"{letter.Channel.ToWire()} is not sent by SMTP");
        }
        var from = smtp.UserName is { } user && user.Contains('@') ? user : $"no-reply@{smtp.Host}";
        var mail = new MimeMessage
        {
            Subject = letter.Subject ?? "",
            Body = new TextPart("html") { Text = letter.Body },
            MessageId = EmailAddresses.MessageId(letter.MessageId, from[(from.IndexOf('@') + 1)..]),
            Date = clock.GetUtcNow(),
        };
        mail.From.Add(new MailboxAddress(letter.SenderName, from));
        mail.To.Add(MailboxAddress.Parse(letter.To));
        foreach (var (name, value) in letter.Headers)
        {
            mail.Headers.Add(name, value);
        }
        using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, SmtpTlsModes.ToMailKit(smtp.TlsMode), ct);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
            }
            await client.SendAsync(mail, ct);
            await client.DisconnectAsync(quit: true, ct);
            return DeliveryOutcome.Accepted(mail.MessageId);
        }
        // 5xx for the recipient or the message: the server will never take it. 4xx, and anything about the connection: later.
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500 && e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted)
        {
            return DeliveryOutcome.Permanent($"smtp_{(int)e.StatusCode}", $"the SMTP server refused the message: {(int)e.StatusCode} {e.Message}");
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is SmtpCommandException or SmtpProtocolException or AuthenticationException
                                      or System.Net.Sockets.SocketException or IOException or TimeoutException or OperationCanceledException)
        {
            return DeliveryOutcome.Transient($"the SMTP server {smtp.Host}:{smtp.Port} did not take it now: {e.Message}");
        }
    }

    public Task<HandOverLookup> FindAsync(ProviderConnection connection, OutboundLetter letter, CancellationToken ct) =>
        Task.FromResult(HandOverLookup.CannotTell);
}
