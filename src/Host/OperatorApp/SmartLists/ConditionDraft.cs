using System.Text.Json;
using Dnd.Host.Api.SmartLists;

namespace Dnd.Host.OperatorApp.SmartLists;

/// <summary>One condition as the builder edits it, said as the API's <see cref="SmartListCondition"/> when counted or saved.</summary>
public sealed class ConditionDraft
{
    public string Field { get; private set; } = "tags";
    public string Operator { get; set; } = "contains";

    /// <summary>The text, status word or date; for between, the first date.</summary>
    public string? Value { get; set; }

    /// <summary>For between: the last date.</summary>
    public string? To { get; set; }

    public FieldOption Option => SmartListFields.Describe(Field);

    /// <summary>
    /// A new condition on <paramref name="field"/>: its first operator, and for a DND field its first status (for the
    /// aggregate "off": DND off on every channel), so it is whole at once.
    /// </summary>
    public static ConditionDraft On(string field)
    {
        var draft = new ConditionDraft();
        draft.ChangeField(field);
        return draft;
    }

    /// <summary>Another field: the operator and value stay when the new field takes them, else they start over.</summary>
    public void ChangeField(string field)
    {
        var before = Option.Kind;
        Field = field;
        var kind = Option.Kind;
        if (!SmartListFields.Operators(kind).Contains(Operator))
        {
            Operator = SmartListFields.Operators(kind)[0];
        }
        if (kind != before || !NeedsValue)
        {
            (Value, To) = (SmartListFields.Values(kind).FirstOrDefault(), null);
        }
    }

    /// <summary>empty and notEmpty take no value.</summary>
    public bool NeedsValue => Operator is not ("empty" or "notEmpty");

    public SmartListCondition ToCondition() => new()
    {
        Field = Field,
        Operator = Operator,
        Value = !NeedsValue ? null
            : Operator == "between" ? JsonSerializer.SerializeToElement(new[] { Value, To })
            : JsonSerializer.SerializeToElement(Value),
    };

    /// <summary>A saved condition, to edit: between's [from, to] in two inputs, a number as its text.</summary>
    public static ConditionDraft From(SmartListCondition condition)
    {
        var draft = new ConditionDraft { Field = condition.Field ?? "", Operator = condition.Operator ?? "" };
        switch (condition.Value)
        {
            case { ValueKind: JsonValueKind.Array } range:
                var parts = range.EnumerateArray().Select(Text).ToList();
                (draft.Value, draft.To) = (parts.ElementAtOrDefault(0), parts.ElementAtOrDefault(1));
                break;
            case { } one:
                draft.Value = Text(one);
                break;
        }
        return draft;
    }

    private static string? Text(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Null => null,
        _ => e.GetRawText(),
    };
}
