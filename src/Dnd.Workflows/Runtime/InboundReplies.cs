using Dnd.Workflows.Activities;
using Dnd.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Workflows.Runtime;

/// <summary>Resumes the contact's Wait-for-reply bookmarks when they send us a message.</summary>
public sealed class InboundReplies(IServiceScopeFactory scopes, WorkflowRuntime runtime)
{
    public async Task<int> ResumeAsync(string accountId, string contactId, string channel, string body, CancellationToken ct = default)
    {
        List<string> ids;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
            ids = await db.Bookmarks.AwaitingReply(accountId, contactId, channel).Select(b => b.Id).ToListAsync(ct);
        }
        var resumed = 0;
        foreach (var id in ids)
        {
            if (await runtime.ResumeAsync(accountId, id, new ResumeInput(BookmarkRequest.Reply, TimedOut: false, body), ct))
            {
                resumed++;
            }
        }
        return resumed;
    }
}
