using MailKit.Security;

namespace Dnd.Crm.Integrations;

/// <summary>How an SMTP connection is secured: STARTTLS after connecting, TLS from the first byte (SMTPS), or none.</summary>
public static class SmtpTlsModes
{
    public const string StartTls = "starttls";
    public const string Ssl = "ssl";
    public const string None = "none";

    public static IReadOnlyList<string> All { get; } = [StartTls, Ssl, None];

    public static SecureSocketOptions ToMailKit(string? mode) => mode switch
    {
        Ssl => SecureSocketOptions.SslOnConnect,
        None => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };
}
