using Dnd.Crm.Jobs;
using Dnd.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Host.Tests.Jobs;

/// <summary>
/// One server whose job runner does not run by itself: each test steps its jobs (StepAsync), two contacts a step,
/// so it knows what was done when. A test's own server over the same database models a restart.
/// </summary>
public sealed class SteppedJobs : IAsyncLifetime
{
    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["Dnd:Jobs:RunInBackground"] = "false",
        ["Dnd:Jobs:BatchSize"] = "2",
    };

    public DndApp App { get; } = new(settings: Settings);

    /// <summary>One step of the oldest job with work; false when none had any.</summary>
    public static Task<bool> StepAsync(DndApp app) => app.Services.GetRequiredService<JobRunner>().StepAsync(CancellationToken.None);

    /// <summary>Steps until no job has work left.</summary>
    public static async Task<int> RunAllAsync(DndApp app)
    {
        var steps = 0;
        while (await StepAsync(app))
        {
            steps++;
        }
        return steps;
    }

    public Task InitializeAsync()
    {
        App.CreateClient().Dispose();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
