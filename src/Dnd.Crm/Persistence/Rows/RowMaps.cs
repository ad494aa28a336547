using Microsoft.EntityFrameworkCore.Metadata;

namespace Dnd.Crm.Persistence.Rows;

/// <summary>The <see cref="RowMap"/> of every entity type of a model, built once.</summary>
public sealed class RowMaps(IModel model)
{
    private readonly Dictionary<Type, RowMap> _maps = model.GetEntityTypes().ToDictionary(t => t.ClrType, t => new RowMap(t));

    public RowMap For(Type type) =>
        _maps.TryGetValue(type, out var map) ? map : throw new InvalidOperationException($"{type.Name} is not an entity of the model.");

    public RowMap For<T>() => For(typeof(T));
}
