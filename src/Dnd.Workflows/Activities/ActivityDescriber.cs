using System.Reflection;
using System.Text.Json;

namespace Dnd.Workflows.Activities;

/// <summary>
/// Builds an activity's descriptor from its declaration (Elsa generates descriptors the same way): the class's
/// [Activity] and [FlowNode], and each <see cref="Input{T}"/> property with its [Input]. It also binds each input
/// handle to its node property name and default, so what the palette shows and what the step reads cannot differ.
/// </summary>
public static class ActivityDescriber
{
    /// <exception cref="InvalidOperationException">The class is not a well-formed activity (names what is missing).</exception>
    public static ActivityDescriptor Describe(IActivity activity)
    {
        var type = activity.GetType();
        var declared = type.GetCustomAttribute<ActivityAttribute>()
            ?? throw new InvalidOperationException($"activity {type.Name} has no [Activity]");
        var outcomes = type.GetCustomAttribute<FlowNodeAttribute>()?.Outcomes ?? [ActivityResult.Done];
        var properties = new List<PropertyDescriptor>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => typeof(IInput).IsAssignableFrom(p.PropertyType)))
        {
            var input = (IInput?)property.GetValue(activity) ?? throw new InvalidOperationException($"{type.Name}.{property.Name} is null");
            var about = property.GetCustomAttribute<InputAttribute>() ?? throw new InvalidOperationException($"{type.Name}.{property.Name} has no [Input]");
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            input.Bind(name, about.DefaultValue);
            var (kind, options) = InputTypes.Editor(input.ValueType, about.UIHint);
            properties.Add(new PropertyDescriptor(name, kind, about.Required, about.Description, about.DefaultValue, options)
            {
                ValueType = input.ValueType,
                UIHint = about.UIHint,
            });
        }
        return new ActivityDescriptor(type.Name, declared.DisplayName, declared.Category, declared.Description,
            declared.Kind == ActivityKind.Trigger, outcomes, properties);
    }
}
