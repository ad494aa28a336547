using Dnd.Activities.Persistence;
using Dnd.Crm.Jobs;
using Dnd.Host.Api.Imports;
using Dnd.Host.Auth;

namespace Dnd.Host.OperatorApp.Imports;

/// <summary>
/// The Imports screen's upload, dry-run reads and apply, each as the signed-in person (<see cref="OperatorSession.RunAsync{T}"/>),
/// through the code /locations/contacts/imports runs: the same reader checks the file, and the apply refuses what the API refuses.
/// </summary>
public sealed class ImportActions(OperatorSession session)
{
    /// <summary>Stores and dry-runs the file as it streams in; no contact is written.</summary>
    /// <exception cref="Dnd.Host.Errors.ApiValidationException">The header or encoding cannot be read; nothing is kept.</exception>
    public Task<ImportResponse> UploadAsync(Stream csv, CancellationToken ct) => session.RunAsync(async sp =>
    {
        var import = await sp.GetRequiredService<ContactImportUpload>().UploadAsync(csv, ct);
        return await ContactImportEndpoints.ResponseAsync(Db(sp), import.Id, ct);
    });

    public Task<ImportResponse> GetAsync(string importId, CancellationToken ct) => session.RunAsync(async sp =>
    {
        await ContactImportEndpoints.FindAsync(Db(sp), Account(sp), importId, ct);
        return await ContactImportEndpoints.ResponseAsync(Db(sp), importId, ct);
    });

    /// <param name="after">The last issue's id of the page before; 0 for the first page.</param>
    public Task<ImportIssuesResponse> IssuesAsync(string importId, long after, CancellationToken ct) => session.RunAsync(async sp =>
    {
        await ContactImportEndpoints.FindAsync(Db(sp), Account(sp), importId, ct);
        return await ContactImportEndpoints.PageAsync(Db(sp), importId, after, ContactImportEndpoints.DefaultPage, ct);
    });

    /// <returns>The apply job's id.</returns>
    /// <exception cref="Dnd.Host.Errors.ApiValidationException">Rows with errors and no skip, an import not ready (expired, failed), or asked again otherwise.</exception>
    public Task<string> ApplyAsync(string importId, bool skipInvalidRows) => session.RunAsync(async sp =>
    {
        var import = await ContactImportEndpoints.FindAsync(Db(sp), Account(sp), importId, CancellationToken.None);
        var job = await ContactImportEndpoints.EnqueueApplyAsync(import, skipInvalidRows, Account(sp), sp.GetRequiredService<JobQueue>(), CancellationToken.None);
        return job.Id;
    });

    private static DndDbContext Db(IServiceProvider sp) => sp.GetRequiredService<DndDbContext>();

    private static AccountContext Account(IServiceProvider sp) => sp.GetRequiredService<AccountContext>();
}
