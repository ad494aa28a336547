using Dnd.Host.Auth;
using Dnd.Host.Errors;
using Dnd.Host.Limits;
using Dnd.Rules.Consent;
using Dnd.Rules.Decisions.Override;
using Dnd.Rules.Engine;
using Dnd.Rules.Events;
using Dnd.Crm.Consent;

namespace Dnd.Host.Api.Contacts;

/// <summary>
/// Turns the dnd / dndSettings / inboundDndSettings of a HighLevel request into rule-checked changes.
/// Everything is validated before anything is applied, so a bad entry loses nothing.
/// </summary>
public sealed class ContactDndApplier(ConsentService consent, AccountContext caller, TimeProvider clock)
{
    /// <summary>A proof's consent may be this far in the future of the server's clock (the caller's clock may run ahead).</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public void Validate(ContactWriteRequest r, FieldErrors errors)
    {
        foreach (var (name, setting) in r.DndSettings ?? [])
        {
            var field = $"dndSettings.{name}";
            if (!ChannelNames.TryParse(name, out _))
            {
                // Not ignored like other unknown fields: a misspelt channel would leave the contact reachable unawares.
                errors.Add(field, $"{field}: unknown channel (use {string.Join(", ", ChannelNames.All.Select(c => c.ToWire()))})");
            }
            else if (setting is null)
            {
                errors.Add(field, $"{field} cannot be null; give {{ \"status\": ... }} or leave the channel out");
            }
            else if (DndStatusNames.Parse(setting.Status) is null)
            {
                errors.Add($"{field}.status", $"{field}.status must be {DndStatusNames.Listed}");
            }
            errors.MaxLength($"{field}.message", setting?.Message, ApiLimits.TextLength)
                .MaxLength($"{field}.code", setting?.Code, ApiLimits.TextLength);
            if (setting?.ConsentProof is { } proof)
            {
                ValidateProof($"{field}.consentProof", proof, DndStatusNames.Parse(setting.Status), errors);
            }
        }
        if (r.InboundDndSettings is { } inbound)
        {
            if (inbound.AllIsNull)
            {
                errors.Add("inboundDndSettings.all", "inboundDndSettings.all cannot be null; give { \"status\": ... } or leave it out");
            }
            else if (inbound.All is { } all && DndStatusNames.Parse(all.Status) is not (DndStatus.Active or DndStatus.Inactive))
            {
                errors.Add("inboundDndSettings.all.status", "inboundDndSettings.all.status must be \"active\" or \"inactive\"");
            }
            errors.MaxLength("inboundDndSettings.all.message", inbound.All?.Message, ApiLimits.TextLength);
        }
    }

    private void ValidateProof(string field, ConsentProofRequest proof, DndStatus? status, FieldErrors errors)
    {
        if (status != DndStatus.Inactive)
        {
            errors.Add(field, $"{field} goes with a lift (status \"inactive\"): it records the consent that lifts a permanent DND");
        }
        if (!ConsentMethodNames.TryParse(proof.Method, out _))
        {
            errors.Add($"{field}.method", $"{field}.method must be one of {ConsentMethodNames.Listed}");
        }
        if (proof.GivenAt is not { } given)
        {
            errors.Add($"{field}.givenAt", $"{field}.givenAt is required: when the contact consented");
        }
        else if (given > clock.GetUtcNow() + ClockSkew)
        {
            errors.Add($"{field}.givenAt", $"{field}.givenAt is in the future: consent is recorded after it was given");
        }
        errors.Required($"{field}.evidence", proof.Evidence).MaxLength($"{field}.evidence", proof.Evidence, ApiLimits.TextLength);
    }

    /// <summary>Applies the request's DND changes in the caller's open write.</summary>
    /// <param name="created">
    /// The contact is new: an "inactive" there is the client's default, not a lift of the DND its address brought along,
    /// so a refusal is reported in the decisions and the contact is still created (with its DND).
    /// </param>
    /// <exception cref="ApiValidationException">
    /// 422 when a lift of an existing contact's DND was refused for want of what the caller can give (proof of consent
    /// for a permanent DND, a reason for an unsubscribe): the caller's write is then undone, so the request changes nothing.
    /// </exception>
    public async Task<List<DndDecisionDto>> ApplyAsync(string accountId, string contactId, ContactWriteRequest r, bool created, CancellationToken ct)
    {
        var decisions = new List<DndDecisionDto>();
        var missing = new FieldErrors();
        // The person signed in to the operator app, or the API key: who recorded a proof, and whose change the event is.
        var by = caller.UserName ?? caller.KeyName ?? "api";
        if (r.Dnd is { } all)
        {
            decisions.AddRange(await ChangeAsync(new UserDndChange(null, all, by), "dnd"));
        }
        foreach (var (name, setting) in r.DndSettings ?? [])
        {
            var channel = ChannelNames.Parse(name);
            var change = DndStatusNames.Parse(setting!.Status) switch
            {
                // "permanent" from a user records the contact's own opt-out: lifted only by the contact's opt-in or with proof of consent.
                DndStatus.Permanent => new UserDndChange(channel, true, by, setting.Message, Permanent: true),
                DndStatus.Active => new UserDndChange(channel, true, by, setting.Message),
                _ => new UserDndChange(channel, false, by, setting.Message, ConsentProof: Proof(setting.ConsentProof, by)),
            };
            decisions.AddRange(await ChangeAsync(change, $"dndSettings.{name}"));
        }
        if (r.InboundDndSettings?.All is { } inbound)
        {
            var entry = await consent.SetInboundAsync(accountId, contactId, DndStatusNames.Parse(inbound.Status) == DndStatus.Active, by, inbound.Message, ct);
            decisions.Add(new DndDecisionDto(null, entry.Verdict.ToString(), entry.Rule, entry.PolicyRule, entry.Explanation));
        }
        if (!created)
        {
            missing.ThrowIfAny("A DND lift was refused for want of what only you can give; nothing was changed.");
        }
        return decisions;

        async Task<IEnumerable<DndDecisionDto>> ChangeAsync(UserDndChange change, string field)
        {
            var decision = await consent.ApplyAsync(accountId, contactId, caller.Stamp(change), ct);
            foreach (var refused in decision.Outcomes.Where(o => o.Verdict == Verdict.Denied))
            {
                Needs(field, refused);
            }
            return decision.Entries.Select(e => new DndDecisionDto(e.Channel?.ToWire(), e.Verdict.ToString(), e.Rule, e.PolicyRule, e.Explanation));
        }

        void Needs(string field, ChannelOutcome refused)
        {
            var channel = refused.Channel.ToWire();
            var perChannel = field == "dnd" ? $"dndSettings.{channel}" : field;
            switch (refused.PolicyRule)
            {
                case nameof(UserCannotLiftPermanent):
                    missing.Add($"{perChannel}.consentProof",
                        $"{channel} DND is permanent ({refused.Before.Code}: the contact's own opt-out): only the contact's opt-in (START) lifts it, " +
                        $"or proof of consent in {perChannel}.consentProof {{ method: {ConsentMethodNames.Listed}; givenAt; evidence }} with status \"inactive\"");
                    break;
                case nameof(UserLiftsUnsubscribeOnlyWithReason):
                    missing.Add($"{perChannel}.message",
                        $"{channel} DND is the contact's own unsubscribe: lifting it needs your reason in {perChannel}.message (or the contact's consent in {perChannel}.consentProof), kept on the ledger line");
                    break;
            }
        }
    }

    private static ConsentProof? Proof(ConsentProofRequest? proof, string by) =>
        proof is { GivenAt: { } given } && ConsentMethodNames.TryParse(proof.Method, out var method)
            ? new ConsentProof(method, given, proof.Evidence!.Trim(), by)
            : null;
}
