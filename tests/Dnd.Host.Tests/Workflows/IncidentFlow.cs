using System.Text.Json;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Workflows.Activities;
using Microsoft.Extensions.DependencyInjection;
using static Dnd.Host.Tests.Infrastructure.Flow;

namespace Dnd.Host.Tests.Workflows;

/// <summary>Servers, flows and probes for the retry and incident tests (on SQLite and on PostgreSQL).</summary>
public static class IncidentFlow
{
    /// <summary>The first wait of <see cref="FlakyActivity"/>'s policy; the second is twice as long.</summary>
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(30);

    /// <summary>A server with the test activities and a clock the test moves on.</summary>
    /// <param name="postgres">A PostgreSQL connection string; SQLite (at <paramref name="database"/>) without one.</param>
    public static DndApp App(TestClock clock, string? database = null, string? postgres = null) =>
        new(database, postgres: postgres, services: s => s
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<IActivity, FlakyActivity>()
            .AddSingleton<IActivity, BrittleActivity>()
            .AddSingleton<IActivity, FlakyReplyActivity>());

    /// <summary>An account with a one-step flow "flow" of <paramref name="type"/> and a contact whose first tries fail (once per server: ids are global).</summary>
    public static async Task<(TestAccount Account, string Contact)> FlowAsync(DndApp app, string type, int failures, string phone = "+15550950001")
    {
        var account = await TestAccount.CreateAsync(app);
        await PublishAsync(account, Definition("flow", [Activity("flaky", type)], []));
        var contact = (await account.CreateContactAsync(new { phone })).GetProperty("id").GetString()!;
        FailingActivity.Failures[contact] = failures;
        return (account, contact);
    }

    public static Task<JsonElement> UntilAttemptsAsync(TestAccount account, string instance, int attempts) =>
        Eventually.MatchAsync(() => InstanceAsync(account, instance),
            i => i.GetProperty("instance").GetProperty("attempts").GetInt32() == attempts && Status(i) == "Suspended",
            $"instance {instance} to wait after failed attempt {attempts}");

    /// <summary>How long after the last failure its retry is due.</summary>
    public static TimeSpan DueAfterFailure(JsonElement instance) =>
        instance.GetProperty("bookmarks")[0].GetProperty("dueAt").GetDateTimeOffset() - instance.GetProperty("log").EnumerateArray().Last().GetProperty("at").GetDateTimeOffset();

    public static IEnumerable<(string Activity, string Outcome, int Attempt)> Attempts(JsonElement instance) =>
        instance.GetProperty("log").EnumerateArray().Select(l =>
            (l.GetProperty("activityId").GetString()!, l.GetProperty("outcome").GetString()!, l.GetProperty("attempt").GetInt32()));
}
