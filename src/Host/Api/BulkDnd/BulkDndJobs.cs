using Dnd.Crm.Persistence;
using Dnd.Activities.Persistence;
using Dnd.Crm.Jobs;
using Dnd.Host.Api.Contacts;
using Dnd.Host.Api.SmartLists;
using Dnd.Host.Auth;
using Dnd.Host.Errors;
using Dnd.Host.Limits;
using Dnd.Rules.Consent;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Api.BulkDnd;

/// <summary>
/// Bulk DND for whoever asks (the API and the operator app's Contacts screen): checks the request whole, then
/// enqueues one job, or finds the one the same Idempotency-Key made.
/// </summary>
public sealed class BulkDndJobs(DndDbContext db, JobQueue jobs, AccountContext caller)
{
    /// <exception cref="ApiValidationException">
    /// 422 naming every field at fault (or a key reused for another request), 404 for an unknown smart list; nothing enqueued.
    /// </exception>
    public async Task<JobRecord> EnqueueAsync(BulkDndRequest r, string? idempotencyKey, CancellationToken ct)
    {
        var parameters = await ValidateAsync(r, idempotencyKey, ct);
        var (job, outcome) = await jobs.EnqueueAsync(caller.AccountId, BulkDndHandler.JobKind, parameters.ToJson(), idempotencyKey, caller.ActedBy, ct);
        return outcome != JobEnqueued.KeyConflict
            ? job
            : throw new ApiValidationException($"Idempotency-Key '{idempotencyKey}' was used for a different bulk DND request (job {job.Id}); use a new key.",
                title: "Idempotency key reused", fields: ["Idempotency-Key"]);
    }

    private async Task<BulkDndParameters> ValidateAsync(BulkDndRequest r, string? idempotencyKey, CancellationToken ct)
    {
        var errors = new FieldErrors().MaxLength("Idempotency-Key", idempotencyKey, ApiLimits.TextLength).MaxLength("message", r.Message, ApiLimits.TextLength);
        var set = r.Action?.Trim().ToLowerInvariant() switch
        {
            "set" => true,
            "clear" => false,
            _ => (bool?)null,
        };
        if (set is null)
        {
            errors.Add("action", "action must be \"set\" or \"clear\"");
        }
        var status = r.Status is null ? DndStatus.Active : DndStatusNames.Parse(r.Status);
        if (set == false && r.Status is not null)
        {
            errors.Add("status", "status goes with set only (\"active\" or \"permanent\"); a clear lifts whatever a user may lift");
        }
        else if (status is not (DndStatus.Active or DndStatus.Permanent))
        {
            errors.Add("status", "status must be \"active\" or \"permanent\"");
        }
        var channels = Channels(r, errors);
        var contactIds = await ContactIdsAsync(r, errors, ct);
        errors.ThrowIfAny("The bulk DND request is invalid; nothing was enqueued.");
        if (r.SmartListId is { } listId && await SmartListStore.GetAsync(db, caller.AccountId, listId, ct) is null)
        {
            throw new ApiValidationException($"Smart list {listId} does not exist.", status: StatusCodes.Status404NotFound, title: "Smart list not found");
        }
        return new BulkDndParameters(set!.Value, status == DndStatus.Permanent, channels, r.Message?.Trim() is { Length: > 0 } m ? m : null, contactIds,
            r.SmartListId, caller.UserName ?? caller.KeyName ?? "api");
    }

    private static List<string>? Channels(BulkDndRequest r, FieldErrors errors)
    {
        if (r.All == true)
        {
            if (r.Channels is not null)
            {
                errors.Add("channels", "give channels or all: true, not both");
            }
            return null;
        }
        if (r.Channels is not { Count: > 0 })
        {
            errors.Add("channels", "channels must name at least one channel, or give all: true");
            return null;
        }
        for (var i = 0; i < r.Channels.Count; i++)
        {
            if (!ChannelNames.TryParse(r.Channels[i], out _))
            {
                errors.Add($"channels[{i}]", $"channels[{i}]: unknown channel (use {string.Join(", ", ChannelNames.All.Select(c => c.ToWire()))})");
            }
        }
        return errors.Any ? null : r.Channels.Select(c => ChannelNames.Parse(c).ToWire()).Distinct().ToList();
    }

    /// <summary>The ids given, distinct and in order, each one of the account's contacts; null for a smart list.</summary>
    private async Task<List<string>?> ContactIdsAsync(BulkDndRequest r, FieldErrors errors, CancellationToken ct)
    {
        if ((r.ContactIds is null) == (r.SmartListId is null))
        {
            errors.Add("contactIds", "give contactIds or smartListId (one of them)");
            return null;
        }
        if (r.ContactIds is null)
        {
            errors.Required("smartListId", r.SmartListId).MaxLength("smartListId", r.SmartListId, ApiLimits.TextLength);
            return null;
        }
        errors.MaxCount("contactIds", r.ContactIds, BulkDndRequest.MaxContacts);
        if (r.ContactIds.Count == 0)
        {
            errors.Add("contactIds", "contactIds must name at least one contact");
        }
        if (errors.Any || r.ContactIds.Any(string.IsNullOrWhiteSpace))
        {
            errors.NoNulls("contactIds", r.ContactIds.Select(id => string.IsNullOrWhiteSpace(id) ? null : id));
            return null;
        }
        var ids = r.ContactIds.Select(id => id!.Trim()).Distinct().ToList();
        var known = (await db.Contacts.AsNoTracking().Where(c => c.AccountId == caller.AccountId && ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct))
            .ToHashSet();
        foreach (var unknown in ids.Where(id => !known.Contains(id)).Take(20))
        {
            errors.Add("contactIds", $"contactIds: no contact {unknown} in this location");
        }
        return ids;
    }
}
