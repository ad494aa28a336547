using Dnd.Rules.Consent;

namespace Dnd.Host.Api.Contacts;

/// <summary>HighLevel's DND status names, "active", "inactive" and "permanent".</summary>
public static class DndStatusNames
{
    public const string Listed = "\"active\", \"inactive\" or \"permanent\"";

    /// <summary>Any case, names only: unlike Enum.TryParse, "1" or "99" is not a status.</summary>
    public static DndStatus? Parse(string? status) => status?.ToLowerInvariant() switch
    {
        "active" => DndStatus.Active,
        "inactive" => DndStatus.Inactive,
        "permanent" => DndStatus.Permanent,
        _ => null,
    };

    public static string ToWire(this DndStatus status) => status.ToString().ToLowerInvariant();
}
