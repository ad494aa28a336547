using Dnd.Activities.Persistence;
using Dnd.Crm.Imports;
using Dnd.Host.Auth;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Api.Imports;

/// <summary>
/// An import's apply as a step function, for a job runner (or the apply endpoint's loop): each call applies one batch
/// of rows in one account write, in its own scope (a fresh DbContext, so memory stays bounded however long the file),
/// and returns where the next batch starts.
/// </summary>
public sealed class ContactImportSteps(IServiceScopeFactory scopes)
{
    /// <param name="actedBy">Who asked for the apply, as the ledger names actors; its lines name them and the import.</param>
    /// <exception cref="ImportNotFoundException"/>
    public async Task<ImportStep> ApplyBatchAsync(string importId, int fromRow, int maxRows, string actedBy, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var import = await services.GetRequiredService<DndDbContext>().Imports.FirstOrDefaultAsync(i => i.Id == importId, ct)
                     ?? throw new ImportNotFoundException(importId);
        services.GetRequiredService<AccountContext>().SetDelegated(import.AccountId, actedBy, $"{actedBy} via import {importId}");
        return await services.GetRequiredService<ContactImportBatch>().ApplyAsync(import, fromRow, maxRows, ct);
    }
}
