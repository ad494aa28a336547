using Dnd.Host.Api.SmartLists;
using Dnd.Host.OperatorApp.ContactScreen;
using Dnd.Rules.Consent;

namespace Dnd.Host.OperatorApp.SmartLists;

/// <summary>
/// The fields, operators and values the filter builder offers, with the words staff read. The operators and values
/// themselves are the API's own lists (<see cref="SmartListFilters"/>), the channels <see cref="ChannelNames.All"/>:
/// this class only names them.
/// </summary>
public static class SmartListFields
{
    public const string Aggregate = "dndAggregate";

    /// <summary>The fields in the select, in this order: DND first (what the product is for), then tags, dates and standard fields.</summary>
    public static IReadOnlyList<FieldOption> Offered { get; } =
    [
        new(Aggregate, "DND across channels", FieldKind.Aggregate),
        .. DndChannels.All.Select(c => new FieldOption($"dnd.{c.Channel.ToWire()}", $"DND on {c.Label}", FieldKind.Dnd)),
        new("tags", "Tag", FieldKind.Tags),
        new("dateAdded", "Date created", FieldKind.Date),
        new("dateUpdated", "Date updated", FieldKind.Date),
        .. SmartListFilters.StandardFields.Select(f => new FieldOption(f, StandardLabel(f), FieldKind.Text)),
    ];

    /// <summary>A field as the builder shows it; one it does not offer (a custom field, the old "query") keeps its own name.</summary>
    public static FieldOption Describe(string? field)
    {
        if (Offered.FirstOrDefault(o => o.Field.Equals(field, StringComparison.OrdinalIgnoreCase)) is { } offered)
        {
            return offered;
        }
        return field switch
        {
            "query" => new(field, "Name, e-mail or phone", FieldKind.Query),
            { } custom when custom.StartsWith("customFields.", StringComparison.Ordinal) => new(custom, $"Custom field {custom["customFields.".Length..]}", FieldKind.Text),
            _ => new(field ?? "", field ?? "(no field)", FieldKind.Text),
        };
    }

    public static IReadOnlyList<string> Operators(FieldKind kind) => kind switch
    {
        FieldKind.Dnd or FieldKind.Aggregate => SmartListFilters.DndOperators,
        FieldKind.Tags => SmartListFilters.TagOperators,
        FieldKind.Date => SmartListFilters.DateOperators,
        FieldKind.Query => SmartListFilters.QueryOperators,
        _ => SmartListFilters.TextOperators,
    };

    public static string OperatorLabel(FieldKind kind, string op) => (kind, op) switch
    {
        (FieldKind.Tags, "contains") => "has",
        (FieldKind.Tags, "notContains") => "does not have",
        (_, "eq") => "is",
        (_, "neq") => "is not",
        (_, "contains") => "contains",
        (_, "notContains") => "does not contain",
        (_, "empty") => "is empty",
        (_, "notEmpty") => "is not empty",
        _ => op,
    };

    /// <summary>The status words a DND field takes; none for the other kinds (they take text or dates).</summary>
    public static IReadOnlyList<string> Values(FieldKind kind) => kind switch
    {
        FieldKind.Dnd => SmartListFilters.DndValues,
        FieldKind.Aggregate => SmartListFilters.AggregateValues,
        _ => [],
    };

    public static string ValueLabel(FieldKind kind, string value) => (kind, value) switch
    {
        (FieldKind.Dnd, "inactive") => "Inactive (off)",
        (FieldKind.Dnd, "active") => "Active",
        (FieldKind.Dnd, "permanent") => "Permanent",
        (FieldKind.Dnd, "blocked") => "Blocked (active or permanent)",
        (FieldKind.Dnd, "open") => "Open (not blocked)",
        (FieldKind.Aggregate, "off") => "Off on every channel",
        (FieldKind.Aggregate, "partial") => "On some channels",
        (FieldKind.Aggregate, "on") => "On every channel",
        _ => value,
    };

    private static string StandardLabel(string field) => field switch
    {
        "firstName" => "First name",
        "lastName" => "Last name",
        "email" => "E-mail",
        "phone" => "Phone",
        "companyName" => "Company",
        "source" => "Source",
        _ => field,
    };
}
