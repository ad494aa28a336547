using System.Linq.Expressions;
using System.Text.Json;
using Dnd.Host.Errors;
using Dnd.Host.Limits;
using Dnd.Rules.Consent;
using Dnd.Crm.Consent;
using Dnd.Crm.Persistence;

namespace Dnd.Host.Api.Contacts;

/// <summary>Translates search filters into SQL-side predicates; shared by contact search and smart lists.</summary>
public static class ContactQuery
{
    public static readonly IReadOnlyList<string> SupportedFields =
        ["dnd", "dndSettings.<Channel>.status", "tags", "email", "phone", "firstName", "lastName"];

    /// <param name="region">The account's default phone region, so a phone filter matches as stored.</param>
    /// <param name="errors">Gets one message per filter that is incomplete or not supported, naming it by index.</param>
    public static IQueryable<ContactRecord> Apply(IQueryable<ContactRecord> q, IReadOnlyList<SearchFilter?> filters, string region, FieldErrors errors)
    {
        var seeksAddress = filters.Any(IsExactAddress);
        for (var i = 0; i < filters.Count; i++)
        {
            var name = $"filters[{i}]";
            if (filters[i] is not { } f)
            {
                errors.Add(name, $"{name} cannot be null");
                continue;
            }
            var complete = true;
            foreach (var (part, given) in new[] { ("field", f.Field is not null), ("operator", f.Operator is not null),
                         ("value", f.Value.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null)) })
            {
                if (!given)
                {
                    errors.Add($"{name}.{part}", $"{name}.{part} is required");
                    complete = false;
                }
            }
            if (!complete)
            {
                continue;
            }
            if (f.Field!.Length > ApiLimits.TextLength || f.Operator!.Length > ApiLimits.TextLength ||
                f.Value.ValueKind == JsonValueKind.String && f.Value.GetString()!.Length > ApiLimits.TextLength)
            {
                errors.Add(name, $"{name}: field, operator and value must each be at most {ApiLimits.TextLength} characters");
                continue;
            }
            var op = f.Operator.ToLowerInvariant();
            var negate = op is "not_eq" or "not_contains";
            if (op is not ("eq" or "not_eq" or "contains" or "not_contains"))
            {
                errors.Add($"{name}.operator", $"{name}.operator '{f.Operator}' is not supported on {f.Field} (eq, not_eq, contains, not_contains)");
                continue;
            }
            switch (f.Field.Split('.'))
            {
                case ["dnd"] when f.Value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    q = q.Where(Negate(AllBlocked(), negate ^ f.Value.ValueKind == JsonValueKind.False));
                    break;
                case ["dndSettings", var channelName, "status"] when ChannelNames.TryParse(channelName, out var channel):
                    if (StatusValue(f.Value) is { } status)
                    {
                        q = q.Where(Negate(seeksAddress ? ChannelIsChecked(channel, status) : ChannelIs(channel, status), negate));
                    }
                    else
                    {
                        errors.Add($"{name}.value", $"{name}.value must be {DndStatusNames.Listed} for {f.Field}");
                    }
                    break;
                case ["tags"] when f.Value.ValueKind == JsonValueKind.String:
                    q = q.Where(Negate(HasTag(f.Value.GetString()!), negate));
                    break;
                case [var field] when field is "email" or "phone" or "firstName" or "lastName" && f.Value.ValueKind == JsonValueKind.String:
                    q = q.Where(Negate(TextMatches(field, f.Value.GetString()!, op.EndsWith("contains"), region), negate));
                    break;
                default:
                    errors.Add($"{name}.field", $"{name}.field '{f.Field}' with value {f.Value} is not supported; fields: {string.Join(", ", SupportedFields)}");
                    break;
            }
        }
        return q;
    }

    public static IQueryable<ContactRecord> FreeText(IQueryable<ContactRecord> q, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return q;
        }
        return q.Where(TextAnywhere(text));
    }

    /// <summary>The search's free text: in first or last name (ignoring case), email or phone.</summary>
    public static Expression<Func<ContactRecord, bool>> TextAnywhere(string text)
    {
        var t = text.Trim().ToLower();
        return c => (c.FirstName ?? "").ToLower().Contains(t) || (c.LastName ?? "").ToLower().Contains(t)
                    || (c.Email ?? "").Contains(t) || (c.Phone ?? "").Contains(t);
    }

    /// <summary>
    /// One page in the search order, dateAdded then id (ids are unique, so the order is total and a cursor is exact):
    /// after the cursor when there is one, else at the offset. The account's contacts are read in index order and
    /// the read stops at the page's end.
    /// </summary>
    public static IQueryable<ContactRecord> Page(IQueryable<ContactRecord> q, SearchCursor? after, int offset, int limit)
    {
        if (after is { } cursor)
        {
            var at = cursor.At;
            var id = cursor.Id;
            // The first conjunct alone bounds the index range (a seek, where an OR would read every entry); the second
            // drops the cursor's own dateAdded up to and including its id.
            q = q.Where(c => c.CreatedAt >= at && (c.CreatedAt > at || string.Compare(c.Id, id) > 0));
        }
        q = q.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id);
        return (offset > 0 ? q.Skip(offset) : q).Take(limit);
    }

    public static Expression<Func<ContactRecord, bool>> HasTag(string tag)
    {
        var needle = "|" + tag.Trim().ToLower() + "|";
        return c => c.TagsText.ToLower().Contains(needle);
    }

    public static Expression<Func<ContactRecord, bool>> Reachable(Channel channel) => ChannelIs(channel, (int)DndStatus.Inactive);

    public static Expression<Func<ContactRecord, bool>> NoDndAnywhere() =>
        c => c.DndCall == 0 && c.DndEmail == 0 && c.DndSms == 0 && c.DndWhatsApp == 0 && c.DndFb == 0 && c.DndGmb == 0;

    public static Expression<Func<ContactRecord, bool>> AllBlocked() =>
        c => c.DndCall != 0 && c.DndEmail != 0 && c.DndSms != 0 && c.DndWhatsApp != 0 && c.DndFb != 0 && c.DndGmb != 0;

    public static Expression<Func<ContactRecord, bool>> ChannelIs(Channel channel, int status) => channel switch
    {
        Channel.Call => c => c.DndCall == status,
        Channel.Email => c => c.DndEmail == status,
        Channel.Sms => c => c.DndSms == status,
        Channel.WhatsApp => c => c.DndWhatsApp == status,
        Channel.Fb => c => c.DndFb == status,
        _ => c => c.DndGmb == status,
    };

    /// <summary>
    /// The same test as <see cref="ChannelIs"/>, written so no index serves it ("+ 0" hides the column from SQLite's
    /// planner): with an exact email or phone in the search, the address index finds the one or few contacts and the
    /// status is checked on them. Otherwise SQLite may weigh the channel's index as equal, pick it, and read every
    /// contact with that status to find one address.
    /// </summary>
    private static Expression<Func<ContactRecord, bool>> ChannelIsChecked(Channel channel, int status) => channel switch
    {
        Channel.Call => c => c.DndCall + 0 == status,
        Channel.Email => c => c.DndEmail + 0 == status,
        Channel.Sms => c => c.DndSms + 0 == status,
        Channel.WhatsApp => c => c.DndWhatsApp + 0 == status,
        Channel.Fb => c => c.DndFb + 0 == status,
        _ => c => c.DndGmb + 0 == status,
    };

    /// <summary>A filter that names one email or phone exactly: at most a few contacts match it.</summary>
    private static bool IsExactAddress(SearchFilter? f) =>
        f is { Field: "email" or "phone", Operator: { } op, Value.ValueKind: JsonValueKind.String } && op.Equals("eq", StringComparison.OrdinalIgnoreCase);

    private static Expression<Func<ContactRecord, bool>> TextMatches(string field, string value, bool contains, string region)
    {
        var v = field is "email" ? Addresses.Email(value)! : field is "phone" ? Addresses.Phone(value, region) ?? value.Trim() : value.Trim();
        return (field, contains) switch
        {
            ("email", false) => c => c.Email == v,
            ("email", true) => c => (c.Email ?? "").Contains(v),
            ("phone", false) => c => c.Phone == v,
            ("phone", true) => c => (c.Phone ?? "").Contains(v),
            ("firstName", false) => c => c.FirstName == v,
            ("firstName", true) => c => (c.FirstName ?? "").Contains(v),
            ("lastName", false) => c => c.LastName == v,
            _ => c => (c.LastName ?? "").Contains(v),
        };
    }

    private static int? StatusValue(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && DndStatusNames.Parse(value.GetString()) is { } status ? (int)status : null;

    private static Expression<Func<ContactRecord, bool>> Negate(Expression<Func<ContactRecord, bool>> e, bool negate) =>
        negate ? Expression.Lambda<Func<ContactRecord, bool>>(Expression.Not(e.Body), e.Parameters) : e;
}
