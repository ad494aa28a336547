namespace Dnd.Crm.Contacts;

/// <summary>Where a page-scoped id comes from: Meta gives the same person a different id on each.</summary>
public static class ScopedIdPlatforms
{
    public const string Messenger = "messenger";
    public const string Instagram = "instagram";
}
