using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Dnd.Crm.Integrations;

/// <summary>Checks an SMTP server as sending will use it: connect, STARTTLS or TLS as configured, authenticate, quit (MailKit).</summary>
public sealed class SmtpVerifier(IOptions<ProviderOptions> options)
{
    public async Task<VerificationFailure?> VerifyAsync(IntegrationSettings settings, string? password, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.VerifyTimeout);
        using var smtp = new SmtpClient { Timeout = (int)options.Value.VerifyTimeout.TotalMilliseconds };
        try
        {
            await smtp.ConnectAsync(settings.Host!, settings.Port ?? 587, SmtpTlsModes.ToMailKit(settings.TlsMode), timeout.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return new VerificationFailure("host", $"host: the SMTP server {settings.Host}:{settings.Port} could not be reached as {settings.TlsMode} ({e.Message})");
        }
        try
        {
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await smtp.AuthenticateAsync(settings.UserName, password ?? "", timeout.Token);
            }
            await smtp.DisconnectAsync(quit: true, timeout.Token);
            return null;
        }
        catch (Exception e) when (e is AuthenticationException or SmtpCommandException or ServiceNotAuthenticatedException or NotSupportedException)
        {
            return new VerificationFailure(SecretNames.Password, $"{SecretNames.Password}: the SMTP server refused {settings.UserName}: {e.Message}");
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return new VerificationFailure("host", $"host: the SMTP server {settings.Host}:{settings.Port} stopped answering ({e.Message})");
        }
    }
}
