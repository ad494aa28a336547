using Dnd.Crm.Persistence;
using Dnd.Crm.Jobs;
using Dnd.Host.Api.BulkDnd;
using Dnd.Host.Api.Jobs;
using Dnd.Host.Auth;

namespace Dnd.Host.OperatorApp.Jobs;

/// <summary>
/// What the bulk DND dialog and the job pages do, each as the signed-in person (<see cref="OperatorSession.RunAsync{T}"/>),
/// through the code the /locations/contacts/bulk/dnd and /locations/jobs endpoints run, so the ledger names the person and the job.
/// </summary>
public sealed class JobActions(OperatorSession session)
{
    /// <returns>The job's id.</returns>
    /// <exception cref="Dnd.Host.Errors.ApiValidationException">The request is invalid; nothing enqueued.</exception>
    public Task<string> BulkDndAsync(BulkDndRequest request) =>
        session.RunAsync(async sp => (await sp.GetRequiredService<BulkDndJobs>().EnqueueAsync(request, idempotencyKey: null, CancellationToken.None)).Id);

    /// <summary>A page of the account's jobs, newest first, as GET /locations/jobs gives it.</summary>
    public Task<JobsPage> ListAsync(string? after, int limit, CancellationToken ct) =>
        session.RunAsync(sp => JobEndpoints.PageAsync(Jobs(sp), Account(sp), after, limit, ct));

    /// <returns>Null when the account has no such job.</returns>
    public Task<JobResponse?> GetAsync(string jobId, CancellationToken ct) =>
        session.RunAsync(async sp => await Jobs(sp).FindAsync(Account(sp), jobId, ct) is { } job ? await JobEndpoints.ResponseAsync(Jobs(sp), job, ct) : null);

    public Task<JobRecord?> CancelAsync(string jobId) => session.RunAsync(sp => Jobs(sp).CancelAsync(Account(sp), jobId, CancellationToken.None));

    private static JobQueue Jobs(IServiceProvider sp) => sp.GetRequiredService<JobQueue>();

    private static string Account(IServiceProvider sp) => sp.GetRequiredService<AccountContext>().AccountId;
}
