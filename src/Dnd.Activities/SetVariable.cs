using Dnd.Workflows.Activities;
using Dnd.Workflows.Model;
using Dnd.Crm.Templates;

namespace Dnd.Activities;

/// <summary>Keeps a value for later steps of the same run: If/Else tests it, templates show it as {{ variables.name }}.</summary>
[Activity("Flow", "Set variable", "Sets a variable of this run to a value (a template over the contact and the other variables).")]
public sealed class SetVariable : IActivity, IValidatesNode
{
    public const string TypeName = nameof(SetVariable);

    [Input("The variable's name: letters, digits and _, not starting with a digit.", Required = true)]
    public Input<string> Name { get; } = new();

    [Input("The value (Scriban), e.g. {{ contact.first_name }} or a plain word.", UIHint = InputUIHints.Template)]
    public Input<string> Value { get; } = new();

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var name = context.Get(Name)!.Trim();
        var value = context.Service<TemplateRenderer>().Render(context.Get(Value) ?? "", context.ContactRecord(), context.Variables.All);
        var refused = context.Variables.Set(name, value);
        return ValueTask.FromResult(ActivityResult.Leave(ActivityResult.Done, refused is null ? $"{name} = \"{value}\"" : $"{name} not set: {refused}"));
    }

    public IEnumerable<string> Problems(ActivityNode node)
    {
        if (!WorkflowVariables.IsName(Name.Read(node)?.Trim()))
        {
            yield return "name must be letters, digits and _ (at most 64), not starting with a digit";
        }
    }
}
