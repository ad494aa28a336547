namespace Dnd.Crm.Imports;

public sealed class ImportNotFoundException(string importId) : Exception($"Import {importId} not found.")
{
    public string ImportId { get; } = importId;
}
