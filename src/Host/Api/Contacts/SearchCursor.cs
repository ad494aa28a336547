using System.Globalization;
using System.Text.Json;
using Dnd.Host.Errors;
using Dnd.Host.Limits;
using Dnd.Crm.Persistence;

namespace Dnd.Host.Api.Contacts;

/// <summary>
/// A position in the search order (dateAdded, then id): HighLevel's searchAfter, [&lt;sort value&gt;, &lt;contact id&gt;].
/// Each contact a search returns carries its own; sent back, the next page starts right after that contact, so
/// contacts added or deleted meanwhile neither shift a page nor repeat one, and the depth is not bounded as offsets are.
/// </summary>
/// <remarks>
/// The sort value is dateAdded in epoch milliseconds, as HighLevel's, written as a string (HighLevel's schema types
/// searchAfter as string[]) and with the sub-millisecond digits the database keeps (SQLite 100 µs, PostgreSQL 1 µs):
/// a millisecond alone would skip or repeat contacts created within the same millisecond.
/// </remarks>
public readonly record struct SearchCursor(DateTimeOffset At, string Id)
{
    private const long TicksPerMillisecond = TimeSpan.TicksPerMillisecond;

    public static SearchCursor Of(ContactRecord contact) => new(contact.CreatedAt, contact.Id);

    public List<string> ToWire() => [SortValue(At), Id];

    /// <summary>
    /// Reads searchAfter: absent or [] is the first page. The sort value may also come as a JSON number, as clients
    /// written for HighLevel's example send it.
    /// </summary>
    /// <param name="wasNull">searchAfter was sent as JSON null: refused by name rather than read as "from the start".</param>
    /// <param name="errors">Gets a message naming searchAfter, or the element of it, that is wrong.</param>
    public static SearchCursor? Read(IReadOnlyList<JsonElement>? given, bool wasNull, FieldErrors errors)
    {
        const string name = "searchAfter";
        if (wasNull)
        {
            errors.Add(name, $"{name} cannot be null; leave it out for the first page");
            return null;
        }
        if (given is null or { Count: 0 })
        {
            return null;
        }
        if (given.Count != 2)
        {
            errors.Add(name, $"{name} must be [<sort value>, <contact id>] as a contact of the previous page gives it (it has {given.Count} entries)");
            return null;
        }
        var at = SortValue(given[0]);
        if (at is null)
        {
            errors.Add($"{name}[0]", $"{name}[0] must be the sort value a contact's searchAfter gives (dateAdded in epoch milliseconds, e.g. \"1718811486151\")");
        }
        var id = given[1].ValueKind == JsonValueKind.String ? given[1].GetString() : null;
        if (string.IsNullOrEmpty(id) || id.Length > ApiLimits.TextLength)
        {
            errors.Add($"{name}[1]", $"{name}[1] must be the contact id a contact's searchAfter gives (a string of 1 to {ApiLimits.TextLength} characters)");
        }
        return at is null || string.IsNullOrEmpty(id) || id.Length > ApiLimits.TextLength ? null : new SearchCursor(at.Value, id);
    }

    private static string SortValue(DateTimeOffset at) =>
        ((decimal)(at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TicksPerMillisecond).ToString("0.####", CultureInfo.InvariantCulture);

    private static DateTimeOffset? SortValue(JsonElement value)
    {
        decimal milliseconds;
        switch (value.ValueKind)
        {
            case JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out milliseconds):
            case JsonValueKind.Number when value.TryGetDecimal(out milliseconds):
                break;
            default:
                return null;
        }
        // Outside DateTimeOffset's range is no date at all (checked before scaling, which could overflow); finer than a
        // tick is no position the database can hold.
        var unixEpoch = DateTimeOffset.UnixEpoch.UtcTicks;
        if (milliseconds < -unixEpoch / TicksPerMillisecond || milliseconds > (DateTimeOffset.MaxValue.UtcTicks - unixEpoch) / TicksPerMillisecond)
        {
            return null;
        }
        var ticks = milliseconds * TicksPerMillisecond;
        return ticks == decimal.Truncate(ticks) ? new DateTimeOffset(unixEpoch + (long)ticks, TimeSpan.Zero) : null;
    }
}
