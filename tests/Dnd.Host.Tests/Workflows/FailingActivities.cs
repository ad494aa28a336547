using System.Collections.Concurrent;
using Dnd.Activities;
using Dnd.Rules.Consent;
using Dnd.Workflows.Activities;

namespace Dnd.Host.Tests.Workflows;

/// <summary>
/// Test activities that throw on their first tries. Each stages an SMS before it throws, so a failed try that left its
/// message behind would show. How many tries fail is set per contact; which try this is comes from the instance's
/// stored attempt count, so a try that is undone and taken again (a run redone step by step) is still the same try.
/// </summary>
public abstract class FailingActivity : IActivity
{
    /// <summary>Tries that fail, by contact id; a contact not here never fails.</summary>
    public static ConcurrentDictionary<string, int> Failures { get; } = new();

    /// <summary>How many times the activity ran (undone runs included), by contact id.</summary>
    public static ConcurrentDictionary<string, int> Runs { get; } = new();

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        Runs.AddOrUpdate(context.Instance.ContactId, 1, (_, n) => n + 1);
        await context.Crm().Messenger.SendAsync(context.ContactRecord(), Channel.Sms, null, "flaky", context.Instance.Id);
        if (context.Instance.Attempts < Failures.GetValueOrDefault(context.Instance.ContactId))
        {
            throw new InvalidOperationException($"flaky failure {context.Instance.Attempts + 1}");
        }
        return ActivityResult.Leave(ActivityResult.Done, "ok");
    }
}

/// <summary>Tried three times: again 30 s after the first failure, 60 s after the second.</summary>
[Activity("Test", "Flaky", "Sends an SMS, then throws on the contact's first tries; retried.")]
[Retry(maxAttempts: 3, firstDelaySeconds: 30, factor: 2)]
public sealed class FlakyActivity : FailingActivity;

/// <summary>No [Retry]: its first failure is an incident.</summary>
[Activity("Test", "Brittle", "Sends an SMS, then throws on the contact's first tries; not retried.")]
public sealed class BrittleActivity : FailingActivity;
