using Bunit;
using MudBlazor.Services;

namespace Dnd.Host.Tests.OperatorApp;

/// <summary>
/// A bUnit context for the operator app's components: MudBlazor's services, and its JavaScript calls answered loosely
/// (a component test checks markup and state, not MudBlazor's scripts).
/// </summary>
/// <remarks>
/// Disposed asynchronously (xunit calls <see cref="IAsyncLifetime.DisposeAsync"/> before Dispose): MudBlazor registers
/// services that are only IAsyncDisposable, which a synchronous dispose of the container refuses to dispose.
/// </remarks>
public abstract class ComponentTest : BunitContext, IAsyncLifetime
{
    protected ComponentTest()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
