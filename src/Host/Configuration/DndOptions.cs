namespace Dnd.Host.Configuration;

/// <summary>The "Dnd" configuration section.</summary>
public sealed class DndOptions
{
    public DatabaseOptions Database { get; set; } = new();

    public WebhookOptions Webhooks { get; set; } = new();

    /// <summary>Key for /admin endpoints (X-Admin-Key); empty turns the admin API off.</summary>
    public string AdminKey { get; set; } = "";

    /// <summary>
    /// Folder of rule files that replace the shipped ones of the same name (or add to them), so a deployment can
    /// change DND rules without a rebuild. Empty: the shipped rules.
    /// </summary>
    public string? RulesFolder { get; set; }

    /// <summary>
    /// How long a stop (SIGTERM) waits for requests in flight and the workers to hand back their claims before the
    /// process ends anyway; under an orchestrator's own grace period (Kubernetes: 30 s) so the drain is never cut short.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Accounts created at start if missing: handy for development and first deployments.</summary>
    public List<SeedAccount> SeedAccounts { get; set; } = [];
}

public sealed class DatabaseOptions
{
    public string Provider { get; set; } = "sqlite";
    public string ConnectionString { get; set; } = "Data Source=../../data/dnd.db";
}

public sealed class SeedAccount
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string ApiKey { get; set; } = "";
    public string? TwilioAuthToken { get; set; }
    public string? MailgunSigningKey { get; set; }
}

public sealed class WebhookOptions
{
    /// <summary>
    /// How far a Mailgun signature's timestamp may be from now, either way. The signature covers only timestamp and
    /// token, so an old one is what a captured payload replayed later looks like.
    /// </summary>
    public TimeSpan MailgunSignatureWindow { get; set; } = TimeSpan.FromMinutes(15);
}
