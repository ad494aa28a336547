using System.Net.Http.Json;
using Dnd.Crm.Delivery;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Tests.Infrastructure.Providers;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Host.Tests.Meta;

/// <summary>One server for a test class, its Graph API pointed at a <see cref="MetaFake"/>; the outbox runs only when a test says.</summary>
public sealed class MetaFixture : IAsyncLifetime
{
    public MetaFake Meta { get; } = new();
    public DndApp App { get; }

    public MetaFixture() => App = new DndApp(settings: Meta.Settings.Append(new("Dnd:Messaging:PollInterval", "01:00:00")).ToDictionary());

    public Task<int> OutboxPassAsync() => App.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);

    /// <summary>A fresh account with Meta connected for WhatsApp and a page.</summary>
    public Task<Connected> ConnectedAsync() => ConnectedAsync(App, Meta);

    /// <summary>A fresh account of <paramref name="app"/> with Meta connected for WhatsApp and a page of <paramref name="meta"/>.</summary>
    public static async Task<Connected> ConnectedAsync(DndApp app, MetaFake meta)
    {
        var account = await TestAccount.CreateAsync(app);
        var connected = new Connected(account, MetaFake.NewId(), MetaFake.NewId(), "EAAG" + Guid.NewGuid().ToString("N"), "secret-" + Guid.NewGuid().ToString("N"),
            "verify-" + Guid.NewGuid().ToString("N"));
        meta.Token(connected.Token, connected.PhoneNumberId, connected.PageId);
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync("/locations/integrations/meta", connected.Request()), 200);
        return connected;
    }

    public Task InitializeAsync()
    {
        App.CreateClient().Dispose();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        Meta.Dispose();
    }
}

public sealed record Connected(TestAccount Account, string PhoneNumberId, string PageId, string Token, string AppSecret, string VerifyToken)
{
    public object Request(string? token = null) => new
    {
        appId = "1111", appSecret = AppSecret, accessToken = token ?? Token, verifyToken = VerifyToken, pageId = PageId, phoneNumberId = PhoneNumberId,
        businessAccountId = "2222",
    };
}
