using Dnd.Crm.Subscriptions;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Tests.Infrastructure.Providers;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Host.Tests.Subscriptions;

/// <summary>
/// A server whose webhook dispatcher does not run by itself (each test runs its passes, so it knows what was sent when),
/// on a clock the test moves, with local http allowed, and a receiver on that same clock.
/// </summary>
public sealed class WebhookFixture : IAsyncLifetime
{
    public TestClock Clock { get; } = new();
    public DndApp App { get; }
    public WebhookReceiver Receiver { get; }

    public WebhookFixture()
    {
        App = new DndApp(settings: new Dictionary<string, string>
        {
            ["Dnd:OutboundWebhooks:AllowLocalHttp"] = "true",
            ["Dnd:OutboundWebhooks:Background"] = "false",
        }, services: s => s.AddSingleton<TimeProvider>(Clock));
        Receiver = new WebhookReceiver(() => Clock.GetUtcNow());
    }

    /// <summary>Passes of the dispatcher until one sends nothing (a delivered event lets its contact's next one go in the next pass).</summary>
    public async Task PassesAsync()
    {
        var dispatcher = App.Services.GetRequiredService<WebhookDispatcher>();
        for (var i = 0; i < 20 && await dispatcher.DispatchPendingAsync(CancellationToken.None) > 0; i++)
        {
        }
    }

    public Task<int> PassAsync() => App.Services.GetRequiredService<WebhookDispatcher>().DispatchPendingAsync(CancellationToken.None);

    public Task InitializeAsync()
    {
        App.CreateClient().Dispose();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
