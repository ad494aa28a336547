namespace Dnd.Host.Tests.Infrastructure;

/// <summary>One server for a test class; each test makes its own account on it.</summary>
public sealed class SharedApp : IAsyncLifetime
{
    public DndApp App { get; } = new();

    public Task InitializeAsync()
    {
        App.CreateClient().Dispose();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
