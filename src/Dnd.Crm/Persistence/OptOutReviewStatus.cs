namespace Dnd.Crm.Persistence;

/// <summary>Where a possible opt-out stands.</summary>
public static class OptOutReviewStatus
{
    /// <summary>Waiting for staff; the channel's marketing is held meanwhile.</summary>
    public const string Open = "open";

    /// <summary>Staff read it as an opt-out: the channel is now permanent DND.</summary>
    public const string Confirmed = "confirmed";

    /// <summary>Staff read it as not an opt-out; held marketing is released.</summary>
    public const string Dismissed = "dismissed";

    /// <summary>The channel came to block by another way (the contact's STOP, say) before staff got to it.</summary>
    public const string Resolved = "resolved";

    public static readonly IReadOnlyList<string> All = [Open, Confirmed, Dismissed, Resolved];
}
