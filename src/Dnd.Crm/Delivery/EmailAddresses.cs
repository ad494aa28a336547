using MimeKit;

namespace Dnd.Crm.Delivery;

/// <summary>The From and Message-Id of the e-mails the product sends.</summary>
public static class EmailAddresses
{
    /// <summary>"Business name &lt;address&gt;", the name quoted as RFC 5322 needs.</summary>
    public static string From(string senderName, string address) => new MailboxAddress(senderName, address).ToString();

    /// <summary>Our message id as an RFC 5322 Message-Id in the sending domain (without the angle brackets).</summary>
    public static string MessageId(string messageId, string domain) => $"{messageId}@{domain}";
}
