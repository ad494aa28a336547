using Dnd.Host.Errors;
using Dnd.Host.Limits;
using Dnd.Rules.Consent;
using Dnd.Rules.Events;
using Dnd.Crm.Consent;

namespace Dnd.Host.Api.Contacts;

/// <summary>
/// Turns the dnd / dndSettings / inboundDndSettings of a HighLevel request into rule-checked changes.
/// Everything is validated before anything is applied, so a bad entry loses nothing.
/// </summary>
public sealed class ContactDndApplier(ConsentService consent)
{
    public static void Validate(ContactWriteRequest r, FieldErrors errors)
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

    public async Task<List<DndDecisionDto>> ApplyAsync(string accountId, string contactId, ContactWriteRequest r, string by, CancellationToken ct)
    {
        var decisions = new List<DndDecisionDto>();
        if (r.Dnd is { } all)
        {
            decisions.AddRange(await ChangeAsync(new UserDndChange(null, all, by)));
        }
        foreach (var (name, setting) in r.DndSettings ?? [])
        {
            var channel = ChannelNames.Parse(name);
            // "permanent" from a user records the contact's own opt-out: the rules make it liftable only by the
            // contact's opt-in. Lifting it on recorded proof of consent comes with a later issue.
            var change = DndStatusNames.Parse(setting!.Status) switch
            {
                DndStatus.Permanent => new UserDndChange(channel, true, by, setting.Message, Permanent: true),
                DndStatus.Active => new UserDndChange(channel, true, by, setting.Message),
                _ => new UserDndChange(channel, false, by, setting.Message),
            };
            decisions.AddRange(await ChangeAsync(change));
        }
        if (r.InboundDndSettings?.All is { } inbound)
        {
            var entry = await consent.SetInboundAsync(accountId, contactId, DndStatusNames.Parse(inbound.Status) == DndStatus.Active, by, inbound.Message, ct);
            decisions.Add(new DndDecisionDto(null, entry.Verdict.ToString(), entry.Rule, entry.PolicyRule, entry.Explanation));
        }
        return decisions;

        async Task<IEnumerable<DndDecisionDto>> ChangeAsync(UserDndChange change)
        {
            var decision = await consent.ApplyAsync(accountId, contactId, change, ct);
            return decision.Entries.Select(e => new DndDecisionDto(e.Channel?.ToWire(), e.Verdict.ToString(), e.Rule, e.PolicyRule, e.Explanation));
        }
    }
}
