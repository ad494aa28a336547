namespace Dnd.Crm.Integrations;

/// <summary>What a connect or update changed, for the audit: settings with their new values, secrets named only.</summary>
public static class IntegrationDiff
{
    public static string Describe(StoredIntegration? before, IntegrationSettings after, IReadOnlyDictionary<string, string> secrets)
    {
        var old = before?.Settings ?? new IntegrationSettings();
        var changes = new List<string>();
        void Setting(string name, object? was, object? now)
        {
            if (!Equals(Text(was), Text(now)))
            {
                changes.Add($"{name} {Text(was) ?? "(none)"} → {Text(now) ?? "(none)"}");
            }
        }
        Setting("accountSid", old.AccountSid, after.AccountSid);
        Setting("messagingServiceSid", old.MessagingServiceSid, after.MessagingServiceSid);
        Setting("senderNumbers", old.SenderNumbers, after.SenderNumbers);
        Setting("domain", old.Domain, after.Domain);
        Setting("region", old.Region, after.Region);
        Setting("host", old.Host, after.Host);
        Setting("port", old.Port, after.Port);
        Setting("tlsMode", old.TlsMode, after.TlsMode);
        Setting("userName", old.UserName, after.UserName);
        Setting("appId", old.AppId, after.AppId);
        Setting("pageId", old.PageId, after.PageId);
        Setting("instagramAccountId", old.InstagramAccountId, after.InstagramAccountId);
        Setting("phoneNumberId", old.PhoneNumberId, after.PhoneNumberId);
        Setting("businessAccountId", old.BusinessAccountId, after.BusinessAccountId);
        foreach (var (field, value) in secrets)
        {
            if (before?.Secret(field) != value)
            {
                changes.Add($"{field} {(before?.Secret(field) is null ? "set" : "changed")}");
            }
        }
        return changes.Count == 0 ? "nothing changed" : string.Join("; ", changes);
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        IEnumerable<string> list => list.Any() ? string.Join(",", list) : null,
        _ => value.ToString(),
    };
}
