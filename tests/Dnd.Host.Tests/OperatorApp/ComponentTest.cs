using Bunit;
using MudBlazor.Services;

namespace Dnd.Host.Tests.OperatorApp;

/// <summary>
/// A bUnit context for the operator app's components: MudBlazor's services, and its JavaScript calls answered loosely
/// (a component test checks markup and state, not MudBlazor's scripts).
/// </summary>
public abstract class ComponentTest : BunitContext
{
    protected ComponentTest()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }
}
