using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Tests.Infrastructure.Providers;

namespace Dnd.Host.Tests.Integrations;

/// <summary>One server for a test class with Twilio, Mailgun and SMTP fakes its providers' base URLs point at.</summary>
public sealed class ProviderFakes : IAsyncLifetime
{
    public TwilioFake Twilio { get; } = new();
    public MailgunFake Mailgun { get; } = new();
    public SmtpFake Smtp { get; } = new();
    public DndApp App { get; }

    public ProviderFakes() => App = new DndApp(settings: Twilio.Settings.Concat(Mailgun.Settings).ToDictionary());

    public Task InitializeAsync()
    {
        App.CreateClient().Dispose();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        Twilio.Dispose();
        Mailgun.Dispose();
        await Smtp.DisposeAsync();
    }
}
