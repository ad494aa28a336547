namespace Dnd.Crm.Consent;

/// <summary>When an SMS gets the account's opt-out text.</summary>
public enum SmsOptOutWhen
{
    /// <summary>On every SMS (the default: the contact always sees how to stop).</summary>
    EveryMessage,

    /// <summary>On the first SMS to the contact (none queued or sent to it before).</summary>
    FirstMessage,

    /// <summary>Never added (the account writes it into its messages itself).</summary>
    Never,
}
