namespace Dnd.Crm.Persistence;

/// <summary>
/// The migrations the database still lacked once start-up had migrated it, read once then: finding them is not free,
/// and a readiness probe scraped every few seconds must not pay it. Null until start-up has looked.
/// </summary>
public sealed class SchemaStatus
{
    private IReadOnlyList<string>? _pending;

    public IReadOnlyList<string>? Pending => Volatile.Read(ref _pending);

    public void Checked(IEnumerable<string> pending) => Volatile.Write(ref _pending, pending.ToList());
}
