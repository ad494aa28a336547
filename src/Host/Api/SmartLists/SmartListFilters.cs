using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json;
using Dnd.Crm.Consent;
using Dnd.Crm.Persistence;
using Dnd.Host.Api.Contacts;
using Dnd.Host.Errors;
using Dnd.Host.Limits;
using Dnd.Rules.Consent;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Api.SmartLists;

/// <summary>Where a smart list's filters are evaluated: the account's contacts, with its phone region.</summary>
internal sealed record SmartListScope(DbContext Db, string AccountId, string Region);

/// <summary>
/// Reads a smart list's filter tree: each group, condition, field, operator and value checked, anything unknown or
/// malformed named by its path (e.g. filters.groups[1].conditions[0].operator) and never ignored, and the tree
/// turned into one predicate EF translates to SQL on SQLite and PostgreSQL. The same code validates a list when it
/// is written and evaluates it when it is read, so a saved list always means what was accepted.
/// </summary>
internal static class SmartListFilters
{
    /// <summary>At most this many conditions in a list, its groups' included (as many as a contact search's filters).</summary>
    public const int MaxConditions = ApiLimits.FiltersPerSearch;

    public const int MaxGroups = 20;

    public static readonly IReadOnlyList<string> Fields =
    [
        "dnd.<Channel>", "dndAggregate", "tags", "dateAdded", "dateUpdated", "customFields.<id>", "firstName", "lastName", "email", "phone",
        "companyName", "source", "query",
    ];

    // Internal: the operator app's filter builder offers exactly these, so the screen and the API read one definition.
    internal static readonly string[] StandardFields = ["firstName", "lastName", "email", "phone", "companyName", "source"];
    internal static readonly string[] DndOperators = ["eq", "neq"];
    internal static readonly string[] TagOperators = ["contains", "notContains"];
    internal static readonly string[] DateOperators = ["before", "after", "between"];
    internal static readonly string[] TextOperators = ["eq", "neq", "contains", "notContains", "empty", "notEmpty"];
    internal static readonly string[] QueryOperators = ["contains"];
    internal static readonly string[] DndValues = ["inactive", "active", "permanent", "blocked", "open"];
    internal static readonly string[] AggregateValues = ["off", "partial", "on"];
    private const string CustomFieldPrefix = "customFields.";

    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    /// <summary>The filters as stored (normalized) and the predicate a contact must satisfy.</summary>
    public sealed record Compiled(SmartListFilterGroup Filters, Expression<Func<ContactRecord, bool>> Predicate);

    /// <param name="filters">Null: no filter, every contact of the account.</param>
    /// <param name="errors">Gets one message per problem, each naming its path under <paramref name="path"/>.</param>
    /// <returns>Null when errors were added.</returns>
    public static Compiled? Compile(SmartListFilterGroup? filters, string path, SmartListScope scope, FieldErrors errors)
    {
        var counted = 0;
        var before = errors.Any;
        var compiled = Group(filters ?? new SmartListFilterGroup(), path, top: true, scope, errors, ref counted);
        if (counted > MaxConditions)
        {
            errors.Add(path, $"{path} may have at most {MaxConditions} conditions in all (it has {counted})");
        }
        return before || errors.Any || compiled is null ? null : compiled;
    }

    /// <summary>The old body's fields as a filter tree: all of them must hold.</summary>
    public static SmartListFilterGroup FromOldShape(string? excludeDndChannel, bool excludeAnyDnd, string? tag, string? query)
    {
        var conditions = new List<SmartListCondition?>();
        if (excludeDndChannel is not null)
        {
            conditions.Add(Condition($"dnd.{ChannelNames.Parse(excludeDndChannel).ToWire()}", "eq", "open"));
        }
        if (excludeAnyDnd)
        {
            conditions.Add(Condition("dndAggregate", "eq", "off"));
        }
        if (!string.IsNullOrWhiteSpace(tag))
        {
            conditions.Add(Condition("tags", "contains", tag.Trim()));
        }
        if (!string.IsNullOrWhiteSpace(query))
        {
            conditions.Add(Condition("query", "contains", query.Trim()));
        }
        return new SmartListFilterGroup { Match = "all", Conditions = conditions, Groups = [] };
    }

    /// <summary>A saved list's filters: its tree, or for a list saved before trees, its old fields as one.</summary>
    public static SmartListFilterGroup Of(SmartListRecord list) =>
        list.FiltersJson is { } json
            ? JsonSerializer.Deserialize<SmartListFilterGroup>(json, Json)!
            : FromOldShape(list.ExcludeDndChannel, list.ExcludeAnyDnd, list.Tag, list.Query);

    public static string Serialize(SmartListFilterGroup filters) => JsonSerializer.Serialize(filters, Json);

    private static SmartListCondition Condition(string field, string op, string value) =>
        new() { Field = field, Operator = op, Value = JsonSerializer.SerializeToElement(value) };

    private static Compiled? Group(SmartListFilterGroup group, string path, bool top, SmartListScope scope, FieldErrors errors, ref int counted)
    {
        var ok = Known(group.Unknown, path, top ? "match, conditions, groups" : "match, conditions", "a filter group", errors);
        string? match = group.Match is null ? "all" : group.Match.Trim().ToLowerInvariant() is "all" or "any" ? group.Match.Trim().ToLowerInvariant() : null;
        if (match is null)
        {
            errors.Add($"{path}.match", $"{path}.match '{Cut(group.Match!)}' is not supported: \"all\" (AND) or \"any\" (OR)");
            ok = false;
        }
        var conditions = new List<SmartListCondition?>();
        var predicates = new List<Expression<Func<ContactRecord, bool>>>();
        var given = group.Conditions ?? [];
        counted += given.Count;
        if (given.Count > MaxConditions)
        {
            // Said once by the caller in total; none of them is read.
            return null;
        }
        for (var i = 0; i < given.Count; i++)
        {
            var at = $"{path}.conditions[{i}]";
            if (given[i] is not { } condition)
            {
                errors.Add(at, $"{at} cannot be null");
                ok = false;
                continue;
            }
            if (Condition(condition, at, scope, errors) is { } compiled)
            {
                conditions.Add(compiled.Condition);
                predicates.Add(compiled.Predicate);
            }
            else
            {
                ok = false;
            }
        }
        var groups = new List<SmartListFilterGroup?>();
        if (!top && group.Groups is not null)
        {
            errors.Add($"{path}.groups", $"{path}.groups: groups nest one level, inside the top group only");
            ok = false;
        }
        else if (top && group.Groups is { } inner)
        {
            if (inner.Count > MaxGroups)
            {
                errors.Add($"{path}.groups", $"{path}.groups may have at most {MaxGroups} entries (it has {inner.Count})");
                return null;
            }
            for (var i = 0; i < inner.Count; i++)
            {
                var at = $"{path}.groups[{i}]";
                if (inner[i] is not { } child)
                {
                    errors.Add(at, $"{at} cannot be null");
                    ok = false;
                    continue;
                }
                if (child.Conditions is null or { Count: 0 } && child.Groups is null)
                {
                    errors.Add($"{at}.conditions", $"{at}.conditions is required: a group needs at least one condition");
                    ok = false;
                }
                if (Group(child, at, top: false, scope, errors, ref counted) is { } compiled)
                {
                    groups.Add(compiled.Filters);
                    predicates.Add(compiled.Predicate);
                }
                else
                {
                    ok = false;
                }
            }
        }
        if (!ok)
        {
            return null;
        }
        var predicate = match == "any" ? ContactPredicates.Any(predicates) : ContactPredicates.All(predicates);
        return new Compiled(new SmartListFilterGroup { Match = match, Conditions = conditions, Groups = top ? groups : null }, predicate);
    }

    private static (SmartListCondition Condition, Expression<Func<ContactRecord, bool>> Predicate)? Condition(SmartListCondition condition, string path,
        SmartListScope scope, FieldErrors errors)
    {
        var ok = Known(condition.Unknown, path, "field, operator, value", "a condition", errors);
        foreach (var (part, given) in new[] { ("field", condition.Field), ("operator", condition.Operator) })
        {
            if (string.IsNullOrWhiteSpace(given))
            {
                errors.Add($"{path}.{part}", $"{path}.{part} is required");
                ok = false;
            }
            else if (given.Length > ApiLimits.TextLength)
            {
                errors.Add($"{path}.{part}", $"{path}.{part} must be at most {ApiLimits.TextLength} characters (it has {given.Length})");
                ok = false;
            }
        }
        if (!ok)
        {
            return null;
        }
        var field = condition.Field!.Trim();
        var value = condition.Value is { ValueKind: not JsonValueKind.Null } v ? v : (JsonElement?)null;
        switch (FieldKind(field, out var canonical, out var channel, out var customField))
        {
            case Kind.Dnd:
                return Op(DndOperators) is { } dndOp && Word(DndValues) is { } status
                    ? Done(dndOp, JsonSerializer.SerializeToElement(status), Negate(Dnd(channel, status), dndOp == "neq"))
                    : null;
            case Kind.Aggregate:
                return Op(DndOperators) is { } aggregateOp && Word(AggregateValues) is { } aggregate
                    ? Done(aggregateOp, JsonSerializer.SerializeToElement(aggregate), Negate(Aggregate(aggregate), aggregateOp == "neq"))
                    : null;
            case Kind.Tags:
                return Op(TagOperators) is { } tagOp && Text(ApiLimits.TagLength, numbers: false) is { } tag
                    ? Done(tagOp, value!.Value, Negate(ContactQuery.HasTag(tag), tagOp == "notContains"))
                    : null;
            case Kind.Date:
                return Op(DateOperators) is { } dateOp && Dates(dateOp) is { } dates ? Done(dateOp, value!.Value, dates) : null;
            case Kind.Query:
                return Op(QueryOperators) is { } queryOp && Text(ApiLimits.TextLength, numbers: false) is { } text
                    ? Done(queryOp, value!.Value, ContactQuery.TextAnywhere(text))
                    : null;
            case Kind.CustomField:
            case Kind.Standard:
                if (Op(TextOperators) is not { } textOp)
                {
                    return null;
                }
                if (textOp is "empty" or "notEmpty")
                {
                    if (value is not null)
                    {
                        errors.Add($"{path}.value", $"{path}.value must be left out with {textOp}");
                        return null;
                    }
                    return Done(textOp, null, customField is not null ? CustomField(customField, textOp, null) : Standard(canonical, textOp, null));
                }
                return Text(ApiLimits.TextLength, numbers: customField is not null) is { } wanted
                    ? Done(textOp, value!.Value, customField is not null ? CustomField(customField, textOp, wanted) : Standard(canonical, textOp, wanted))
                    : null;
            case Kind.UnknownChannel:
                errors.Add($"{path}.field", $"{path}.field '{Cut(field)}' names no channel; channels: {string.Join(", ", ChannelNames.All.Select(c => c.ToWire()))}");
                return null;
            default:
                errors.Add($"{path}.field", $"{path}.field '{Cut(field)}' is not a smart list field; fields: {string.Join(", ", Fields)}");
                return null;
        }

        (SmartListCondition, Expression<Func<ContactRecord, bool>>) Done(string op, JsonElement? given, Expression<Func<ContactRecord, bool>> predicate) =>
            (new SmartListCondition { Field = canonical, Operator = op, Value = given?.Clone() }, predicate);

        string? Op(string[] allowed)
        {
            var op = condition.Operator!.Trim();
            if (allowed.FirstOrDefault(a => a.Equals(op, StringComparison.OrdinalIgnoreCase)) is { } found)
            {
                return found;
            }
            errors.Add($"{path}.operator", $"{path}.operator '{Cut(op)}' is not supported on {canonical} ({string.Join(", ", allowed)})");
            return null;
        }

        string? Word(string[] allowed)
        {
            var word = value is { ValueKind: JsonValueKind.String } s ? s.GetString()!.Trim().ToLowerInvariant() : null;
            if (word is not null && allowed.Contains(word))
            {
                return word;
            }
            errors.Add($"{path}.value", $"{path}.value must be one of {string.Join(", ", allowed.Select(a => $"\"{a}\""))} for {canonical}");
            return null;
        }

        string? Text(int max, bool numbers)
        {
            var text = value switch
            {
                { ValueKind: JsonValueKind.String } s => s.GetString()!.Trim(),
                { ValueKind: JsonValueKind.Number } n when numbers => n.GetRawText(),
                _ => null,
            };
            if (text is null or "")
            {
                errors.Add($"{path}.value", value is null
                    ? $"{path}.value is required"
                    : $"{path}.value must be a non-empty string{(numbers ? " or a number" : "")} for {canonical}");
                return null;
            }
            if (text.Length > max)
            {
                errors.Add($"{path}.value", $"{path}.value must be at most {max} characters (it has {text.Length})");
                return null;
            }
            return text;
        }

        Expression<Func<ContactRecord, bool>>? Dates(string op)
        {
            Expression<Func<ContactRecord, DateTimeOffset>> when = canonical == "dateAdded" ? c => c.CreatedAt : c => c.UpdatedAt;
            if (op == "between")
            {
                if (value is not { ValueKind: JsonValueKind.Array } range || range.GetArrayLength() != 2)
                {
                    errors.Add($"{path}.value", $"{path}.value must be [from, to] for between: two ISO 8601 dates or times, e.g. [\"2026-01-01\", \"2026-01-31\"]");
                    return null;
                }
                var from = Date(range[0], $"{path}.value[0]");
                var to = Date(range[1], $"{path}.value[1]");
                if (from is null || to is null)
                {
                    return null;
                }
                var (start, end, endDay) = (from.Value.Start, to.Value.Start, to.Value.DateOnly);
                var last = endDay ? end.AddDays(1) : end;
                if (endDay ? start >= last : start > last)
                {
                    errors.Add($"{path}.value", $"{path}.value: from must not be after to");
                    return null;
                }
                // A date alone is the whole day: between two dates includes both.
                return endDay
                    ? ContactPredicates.Of(when, t => t >= start && t < last)
                    : ContactPredicates.Of(when, t => t >= start && t <= last);
            }
            if (value is not { } one || Date(one, $"{path}.value") is not { } at)
            {
                return null;
            }
            var instant = at.Start;
            if (op == "before")
            {
                return ContactPredicates.Of(when, t => t < instant);
            }
            // After a date alone is from the next day on.
            var after = at.DateOnly ? instant.AddDays(1) : instant;
            return at.DateOnly ? ContactPredicates.Of(when, t => t >= after) : ContactPredicates.Of(when, t => t > after);
        }

        (DateTimeOffset Start, bool DateOnly)? Date(JsonElement given, string at)
        {
            if (given.ValueKind == JsonValueKind.String && ParseDate(given.GetString()!) is { } parsed)
            {
                return parsed;
            }
            errors.Add(at, $"{at} must be an ISO 8601 date (2026-01-31) or time (2026-01-31T09:30:00Z; UTC when it has no offset)");
            return null;
        }

        Expression<Func<ContactRecord, bool>> CustomField(string id, string op, string? text) => op switch
        {
            "eq" => CustomFieldSql.Matches(scope.Db, scope.AccountId, id, CustomFieldSql.Test.Equals, text),
            "neq" => ContactPredicates.Not(CustomFieldSql.Matches(scope.Db, scope.AccountId, id, CustomFieldSql.Test.Equals, text)),
            "contains" => CustomFieldSql.Matches(scope.Db, scope.AccountId, id, CustomFieldSql.Test.Contains, text),
            "notContains" => ContactPredicates.Not(CustomFieldSql.Matches(scope.Db, scope.AccountId, id, CustomFieldSql.Test.Contains, text)),
            "notEmpty" => CustomFieldSql.Matches(scope.Db, scope.AccountId, id, CustomFieldSql.Test.NotEmpty, null),
            _ => ContactPredicates.Not(CustomFieldSql.Matches(scope.Db, scope.AccountId, id, CustomFieldSql.Test.NotEmpty, null)),
        };

        Expression<Func<ContactRecord, bool>> Standard(string name, string op, string? text)
        {
            Expression<Func<ContactRecord, string?>> member = name switch
            {
                "firstName" => c => c.FirstName,
                "lastName" => c => c.LastName,
                "email" => c => c.Email,
                "phone" => c => c.Phone,
                "companyName" => c => c.CompanyName,
                _ => c => c.Source,
            };
            if (text is null)
            {
                var empty = ContactPredicates.Of(member, s => (s ?? "").Trim() == "");
                return Negate(empty, op == "notEmpty");
            }
            Expression<Func<ContactRecord, bool>> test;
            switch (name, op)
            {
                // Stored normalized (emails lower-cased, phones E.164 in the account's region), so equality is the
                // column's own and its index serves it.
                case ("email", "eq" or "neq"):
                    var email = Addresses.Email(text)!;
                    test = ContactPredicates.Of(member, s => s == email);
                    break;
                case ("phone", "eq" or "neq"):
                    var phone = Addresses.Phone(text, scope.Region) ?? text;
                    test = ContactPredicates.Of(member, s => s == phone);
                    break;
                case (_, "eq" or "neq"):
                    var lowered = text.ToLower();
                    test = ContactPredicates.Of(member, s => (s ?? "").ToLower() == lowered);
                    break;
                default:
                    var part = text.ToLower();
                    test = ContactPredicates.Of(member, s => (s ?? "").ToLower().Contains(part));
                    break;
            }
            return Negate(test, op is "neq" or "notContains");
        }
    }

    private enum Kind
    {
        Unknown,
        Dnd,
        Aggregate,
        Tags,
        Date,
        CustomField,
        Standard,
        Query,
        UnknownChannel,
    }

    /// <param name="canonical">The field's name as stored: "dnd.SMS", "firstName", "customFields.abc"...</param>
    private static Kind FieldKind(string field, out string canonical, out Channel channel, out string? customField)
    {
        canonical = field;
        channel = default;
        customField = null;
        var parts = field.Split('.');
        var dndChannel = parts switch
        {
            ["dnd", var name] => name,
            ["dndSettings", var name, "status"] => name,
            _ => null,
        };
        if (dndChannel is not null)
        {
            if (!ChannelNames.TryParse(dndChannel, out channel))
            {
                return Kind.UnknownChannel;
            }
            canonical = $"dnd.{channel.ToWire()}";
            return Kind.Dnd;
        }
        if (field.StartsWith(CustomFieldPrefix, StringComparison.OrdinalIgnoreCase) && field.Length > CustomFieldPrefix.Length)
        {
            customField = field[CustomFieldPrefix.Length..];
            canonical = CustomFieldPrefix + customField;
            return Kind.CustomField;
        }
        if (StandardFields.FirstOrDefault(f => f.Equals(field, StringComparison.OrdinalIgnoreCase)) is { } standard)
        {
            canonical = standard;
            return Kind.Standard;
        }
        (canonical, var kind) = field.ToLowerInvariant() switch
        {
            "dndaggregate" => ("dndAggregate", Kind.Aggregate),
            "tags" => ("tags", Kind.Tags),
            "dateadded" => ("dateAdded", Kind.Date),
            "dateupdated" => ("dateUpdated", Kind.Date),
            "query" => ("query", Kind.Query),
            _ => (field, Kind.Unknown),
        };
        return kind;
    }

    private static Expression<Func<ContactRecord, bool>> Dnd(Channel channel, string status) => status switch
    {
        "blocked" => ContactPredicates.Not(ContactQuery.ChannelIs(channel, (int)DndStatus.Inactive)),
        "open" => ContactQuery.ChannelIs(channel, (int)DndStatus.Inactive),
        _ => ContactQuery.ChannelIs(channel, (int)DndStatusNames.Parse(status)!.Value),
    };

    private static Expression<Func<ContactRecord, bool>> Aggregate(string aggregate) => aggregate switch
    {
        "off" => ContactQuery.NoDndAnywhere(),
        "on" => ContactQuery.AllBlocked(),
        _ => ContactPredicates.All([ContactPredicates.Not(ContactQuery.NoDndAnywhere()), ContactPredicates.Not(ContactQuery.AllBlocked())]),
    };

    /// <summary>An ISO 8601 date (its midnight, UTC) or date and time (UTC when it has no offset), converted to UTC.</summary>
    public static (DateTimeOffset Start, bool DateOnly)? ParseDate(string text)
    {
        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day < DateOnly.MaxValue ? (new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), true) : null;
        }
        string[] formats = ["yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];
        return DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var at)
            ? (at.ToUniversalTime(), false)
            : null;
    }

    private static Expression<Func<ContactRecord, bool>> Negate(Expression<Func<ContactRecord, bool>> e, bool negate) =>
        negate ? ContactPredicates.Not(e) : e;

    /// <returns>False when it named an unknown property.</returns>
    private static bool Known(Dictionary<string, JsonElement>? unknown, string path, string known, string what, FieldErrors errors)
    {
        foreach (var name in unknown?.Keys ?? Enumerable.Empty<string>())
        {
            errors.Add($"{path}.{Cut(name)}", $"{path}.{Cut(name)} is not a property of {what} ({known})");
        }
        return unknown is null or { Count: 0 };
    }

    /// <summary>What a message quotes of a client's text: enough to recognise it, never a whole oversized value.</summary>
    private static string Cut(string text) => text.Length <= 100 ? text : text[..100] + "…";
}
