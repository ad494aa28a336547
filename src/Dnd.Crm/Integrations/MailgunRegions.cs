namespace Dnd.Crm.Integrations;

/// <summary>Mailgun's regions, each with its own API host.</summary>
public static class MailgunRegions
{
    public const string Us = "us";
    public const string Eu = "eu";

    public static IReadOnlyList<string> All { get; } = [Us, Eu];

    public static string BaseUrl(string? region) => region == Eu ? "https://api.eu.mailgun.net" : "https://api.mailgun.net";
}
