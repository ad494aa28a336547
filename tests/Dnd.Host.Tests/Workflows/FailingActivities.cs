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
        await context.Crm().Messenger.SendAsync(context.ContactRecord(), Channel.Sms, null, "flaky", context.Instance.Id,
            Dnd.Crm.Consent.Sender.Default(context.Instance.AccountId));
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

/// <summary>
/// Waits for a reply, then throws on the contact's first tries of handling it (<see cref="FailingActivity.Failures"/>);
/// retried like <see cref="FlakyActivity"/>. Records each reply it was resumed with, and each time it started waiting.
/// </summary>
[Activity("Test", "Flaky reply", "Waits for a reply, then throws on the contact's first tries of handling it; retried.")]
[Retry(maxAttempts: 3, firstDelaySeconds: 30, factor: 2)]
public sealed class FlakyReplyActivity : IActivity
{
    /// <summary>What happened, in order, by contact id: "wait", or the body a try was resumed with.</summary>
    public static ConcurrentDictionary<string, ConcurrentQueue<string>> Seen { get; } = new();

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        Seen.GetOrAdd(context.Instance.ContactId, _ => new()).Enqueue("wait");
        return ValueTask.FromResult(ActivityResult.Suspend(new BookmarkRequest(BookmarkRequest.Reply, null, null), "waiting for a reply"));
    }

    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeInput input)
    {
        Seen.GetOrAdd(context.Instance.ContactId, _ => new()).Enqueue(input.Body ?? "");
        if (context.Instance.Attempts < FailingActivity.Failures.GetValueOrDefault(context.Instance.ContactId))
        {
            throw new InvalidOperationException($"flaky reply handling {context.Instance.Attempts + 1}");
        }
        return ValueTask.FromResult(ActivityResult.Leave(ActivityResult.Done, $"handled: {input.Body}"));
    }
}
