namespace Dnd.Crm.Suppressions;

/// <summary>One address on a Mailgun suppression list, with what Mailgun says of it.</summary>
/// <param name="Address">Normalized (trimmed, lower-cased), as DND follows it.</param>
/// <param name="Code">The bounce's SMTP code; none on the other lists.</param>
/// <param name="Error">The bounce's error text; none on the other lists.</param>
/// <param name="CreatedAt">Mailgun's created_at as it gave it (RFC 1123).</param>
public sealed record SuppressionEntry(string Address, string? Code, string? Error, string? CreatedAt)
{
    public string Describe() => string.Join("; ", new[]
    {
        Code is { Length: > 0 } || Error is { Length: > 0 } ? $"{Code} {Error}".Trim() : null,
        CreatedAt is { Length: > 0 } ? $"listed {CreatedAt}" : null,
    }.Where(s => s is not null));
}
