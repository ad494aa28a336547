using System.Text.Json;
using Dnd.Rules.Consent;
using Dnd.Workflows.Activities;
using Dnd.Crm.Consent;
using Dnd.Workflows.Model;
using Dnd.Crm.Persistence;

namespace Dnd.Activities;

/// <summary>Branches on the contact as it is when the step runs: its DND on a channel, a tag, or a field's value.</summary>
[Activity("Flow", "If/Else", "Goes True or False on a condition: the contact's DND on a channel, a tag, a field's value, or a variable of the run.")]
[FlowNode(True, False)]
public sealed class IfElse : IActivity, IValidatesNode
{
    public const string TypeName = nameof(IfElse);
    public const string True = "True";
    public const string False = "False";

    public enum Test
    {
        /// <summary>DND blocks the channel ("all": every channel).</summary>
        DndOn,
        HasTag,
        FieldEquals,
        VariableEquals,
    }

    [Input("What to test: dndOn (channel), hasTag (tag), fieldEquals (field, value) or variableEquals (variable, value).", DefaultValue = "dndOn", Required = true)]
    public Input<Test> Condition { get; } = new();

    [Input("dndOn: the channel; \"all\" is true only when DND blocks every channel.", DefaultValue = InputTypes.AllChannels)]
    public Input<Channel?> Channel { get; } = new();

    [Input("hasTag: the tag (case ignored).")]
    public Input<string> Tag { get; } = new();

    [Input("fieldEquals: firstName, lastName, email, phone, companyName, source, or a custom field's id.")]
    public Input<string> Field { get; } = new();

    [Input("variableEquals: the variable's name (set by a Set variable step).")]
    public Input<string> Variable { get; } = new();

    [Input("fieldEquals, variableEquals: the value (case ignored); empty tests that it is empty or unset.")]
    public Input<string> Value { get; } = new();

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var (holds, why) = Evaluate(context.Node, context.ContactRecord(), context.Variables);
        return ValueTask.FromResult(ActivityResult.Leave(holds ? True : False, why));
    }

    public IEnumerable<string> Problems(ActivityNode node)
    {
        var condition = Condition.Read(node);
        if (condition == Test.HasTag && string.IsNullOrWhiteSpace(Tag.Read(node)))
        {
            yield return "tag is required for hasTag";
        }
        if (condition == Test.FieldEquals && string.IsNullOrWhiteSpace(Field.Read(node)))
        {
            yield return "field is required for fieldEquals";
        }
        if (condition == Test.VariableEquals && !WorkflowVariables.IsName(Variable.Read(node)?.Trim()))
        {
            yield return "variable must name a variable for variableEquals";
        }
    }

    /// <returns>Whether the condition holds, and why, for the step's log.</returns>
    public (bool Holds, string Why) Evaluate(ActivityNode node, ContactRecord contact, WorkflowVariables variables)
    {
        switch (Condition.Read(node))
        {
            case Test.DndOn:
                var channels = Channel.Read(node) is { } one ? [one] : ChannelNames.All;
                var blocked = channels.All(c => ContactConsentMapping.GetStatus(contact, c) != (int)DndStatus.Inactive);
                return (blocked, $"DND {(blocked ? "blocks" : "does not block")} {(channels.Count == 1 ? channels[0].ToWire() : "every channel")}");
            case Test.HasTag:
                var tag = Tag.Read(node)?.Trim() ?? "";
                var has = contact.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase);
                return (has, $"{(has ? "has" : "does not have")} tag '{tag}'");
            case Test.VariableEquals:
                var variable = Variable.Read(node)?.Trim() ?? "";
                var held = variables.Get(variable) ?? "";
                var wanted = Value.Read(node)?.Trim() ?? "";
                var same = string.Equals(held.Trim(), wanted, StringComparison.OrdinalIgnoreCase);
                return (same, $"variable {variable} is{(same ? "" : " not")} '{wanted}'");
            default:
                var field = Field.Read(node)?.Trim() ?? "";
                var actual = FieldValue(contact, field) ?? "";
                var expected = Value.Read(node)?.Trim() ?? "";
                var equal = string.Equals(actual.Trim(), expected, StringComparison.OrdinalIgnoreCase);
                return (equal, $"{field} is{(equal ? "" : " not")} '{expected}'");
        }
    }

    private static string? FieldValue(ContactRecord contact, string field) => field.ToLowerInvariant() switch
    {
        "firstname" => contact.FirstName,
        "lastname" => contact.LastName,
        "email" => contact.Email,
        "phone" => contact.Phone,
        "companyname" => contact.CompanyName,
        "source" => contact.Source,
        _ => CustomField(contact.CustomFieldsJson, field),
    };

    private static string? CustomField(string json, string id)
    {
        using var fields = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "[]" : json);
        foreach (var f in fields.RootElement.EnumerateArray())
        {
            if (f.TryGetProperty("id", out var fid) && fid.ValueKind == JsonValueKind.String && fid.GetString() == id && f.TryGetProperty("value", out var v))
            {
                return v.ValueKind == JsonValueKind.String ? v.GetString() : v.ToString();
            }
        }
        return null;
    }
}
