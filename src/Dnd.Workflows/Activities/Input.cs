using Dnd.Workflows.Model;

namespace Dnd.Workflows.Activities;

/// <summary>
/// A typed input of an activity, read from the workflow node's properties (as Elsa's Input&lt;T&gt;). One activity
/// instance serves every node of its type, so the input is a handle: <see cref="ActivityDescriber"/> names it after
/// its property and gives it the default from its <see cref="InputAttribute"/>; <see cref="Read"/> parses the node's
/// value with the same rules the validator applied at publish.
/// </summary>
public sealed class Input<T> : IInput
{
    private object? _default;

    /// <summary>The node property's name: the C# property's name, camel-cased.</summary>
    public string Name { get; private set; } = "";

    public Type ValueType => typeof(T);

    /// <summary>The node's value, or the declared default when the node leaves it empty.</summary>
    public T Read(ActivityNode node)
    {
        var text = node.Text(Name);
        var parsed = string.IsNullOrWhiteSpace(text) ? _default : InputTypes.Parse(typeof(T), text, out _);
        return parsed is T value ? value : default!;
    }

    void IInput.Bind(string name, object? defaultValue)
    {
        Name = name;
        _default = defaultValue is null ? null : InputTypes.Parse(typeof(T), Convert.ToString(defaultValue, System.Globalization.CultureInfo.InvariantCulture)!, out _);
    }
}

/// <summary>What the describer needs of an <see cref="Input{T}"/> whatever its T.</summary>
public interface IInput
{
    string Name { get; }

    Type ValueType { get; }

    internal void Bind(string name, object? defaultValue);
}
