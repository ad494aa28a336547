namespace Dnd.Crm.Persistence;

/// <summary>Where an import is: its file arriving, checked (the dry run), being applied, or applied.</summary>
public static class ImportStatus
{
    public const string Uploading = "uploading";
    public const string Validated = "validated";
    public const string Applying = "applying";
    public const string Applied = "applied";

    /// <summary>The upload broke off (the client went away or the file was not CSV): nothing of it is applied.</summary>
    public const string Failed = "failed";

    /// <summary>Not applied within the retention (Dnd:Imports:Retention): its file is deleted, so it can no longer be applied.</summary>
    public const string Expired = "expired";
}
