using Dnd.Crm.Consent;
using Dnd.Crm.Persistence;

namespace Dnd.Host.Webhooks;

/// <summary>
/// Providers deliver at least once. A delivery's id is recorded per (account, provider, id) inside the account
/// write that applies it and commits with its effects, so a redelivery finds it and changes nothing, a delivery
/// whose processing failed can be retried, and one account's ids can never mark another's as seen.
/// </summary>
public static class WebhookIdempotency
{
    public enum Claim
    {
        /// <summary>First time: staged on the context, to commit with what it causes.</summary>
        New,

        /// <summary>Seen before with the same body: a retry; answer as before and change nothing.</summary>
        Duplicate,

        /// <summary>Seen before with another body: a replay with altered content; refuse it.</summary>
        Conflict,
    }

    /// <remarks>Call inside the account's open write, which orders it against every other claim of the account.</remarks>
    public static async Task<Claim> ClaimAsync(IConsentRows rows, string accountId, string provider, string eventId, string? bodyHash,
        DateTimeOffset now, CancellationToken ct)
    {
        var record = new ProcessedWebhookRecord { AccountId = accountId, Provider = provider, EventId = eventId, BodyHash = bodyHash, At = now };
        if (rows is SqliteConsentRows sqlite)
        {
            // On the SQLite batch writer: one INSERT ... ON CONFLICT DO NOTHING, the record read only when it was there.
            return sqlite.ClaimProcessed(record) is not { } existing ? Claim.New
                : existing.BodyHash == bodyHash ? Claim.Duplicate : Claim.Conflict;
        }
        if (await rows.FindProcessedAsync(accountId, provider, eventId, ct) is { } seen)
        {
            return seen.BodyHash == bodyHash ? Claim.Duplicate : Claim.Conflict;
        }
        rows.Add(record);
        return Claim.New;
    }
}
