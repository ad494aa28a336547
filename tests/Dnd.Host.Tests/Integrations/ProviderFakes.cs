using Dnd.Crm.Delivery;
using Dnd.Crm.Jobs;
using Dnd.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Dnd.Host.Tests.Infrastructure.Providers;

namespace Dnd.Host.Tests.Integrations;

/// <summary>One server for a test class with Twilio, Mailgun and SMTP fakes its providers' base URLs point at.</summary>
public sealed class ProviderFakes : IAsyncLifetime
{
    public TwilioFake Twilio { get; } = new();
    public MailgunFake Mailgun { get; } = new();
    public SmtpFake Smtp { get; } = new();
    public DndApp App { get; }

    /// <summary>Moved by hand to where a test needs it (a retry's wait, a lost claim's lease).</summary>
    public TestClock Clock { get; } = new();

    // The outbox, the suppression sync and the jobs do not run by themselves: each test runs their passes, so it knows what left when.
    public ProviderFakes() => App = new DndApp(settings: Twilio.Settings.Concat(Mailgun.Settings)
        .Append(new("Dnd:Messaging:PollInterval", "01:00:00")).Append(new("Dnd:Messaging:SuppressionSync", "false")).Append(new("Dnd:Jobs:RunInBackground", "false")).ToDictionary(), services: s => s.AddSingleton<TimeProvider>(Clock));

    /// <summary>One pass of the outbox: due messages judged, claimed, handed to the fakes, answers recorded.</summary>
    public Task<int> OutboxPassAsync() => App.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);

    /// <summary>Steps the jobs until none has work left (a connect's suppression import).</summary>
    public async Task RunJobsAsync()
    {
        var runner = App.Services.GetRequiredService<JobRunner>();
        while (await runner.StepAsync(CancellationToken.None))
        {
        }
    }

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
