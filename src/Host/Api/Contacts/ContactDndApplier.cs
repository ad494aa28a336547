using Dnd.Host.Errors;
using Dnd.Rules.Consent;
using Dnd.Rules.Events;
using Dnd.Workflows.Consent;

namespace Dnd.Host.Api.Contacts;

/// <summary>
/// Turns the dnd / dndSettings / inboundDndSettings of a HighLevel request into rule-checked changes.
/// Everything is validated before anything is applied, so a bad entry loses nothing.
/// </summary>
public sealed class ContactDndApplier(ConsentService consent)
{
    public static void Validate(ContactWriteRequest r)
    {
        var errors = new List<string>();
        foreach (var (name, setting) in r.DndSettings ?? [])
        {
            if (!ChannelNames.TryParse(name, out _))
            {
                errors.Add($"dndSettings.{name}: unknown channel (use Call, Email, SMS, WhatsApp, GMB, FB)");
            }
            else if (setting?.Status?.ToLowerInvariant() is not ("active" or "inactive"))
            {
                errors.Add(setting?.Status?.ToLowerInvariant() == "permanent"
                    ? $"dndSettings.{name}: permanent DND is set only by the contact or the carrier, not through the API"
                    : $"dndSettings.{name}.status must be \"active\" or \"inactive\"");
            }
        }
        var inbound = r.InboundDndSettings?.All?.Status?.ToLowerInvariant();
        if (r.InboundDndSettings?.All is not null && inbound is not ("active" or "inactive"))
        {
            errors.Add("inboundDndSettings.all.status must be \"active\" or \"inactive\"");
        }
        if (errors.Count > 0)
        {
            throw new ApiValidationException("The DND settings are invalid.", errors);
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
            var enable = setting.Status.Equals("active", StringComparison.OrdinalIgnoreCase);
            decisions.AddRange(await ChangeAsync(new UserDndChange(ChannelNames.Parse(name), enable, by, setting.Message)));
        }
        if (r.InboundDndSettings?.All is { } inbound)
        {
            var entry = await consent.SetInboundAsync(accountId, contactId,
                inbound.Status.Equals("active", StringComparison.OrdinalIgnoreCase), by, inbound.Message, ct);
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
