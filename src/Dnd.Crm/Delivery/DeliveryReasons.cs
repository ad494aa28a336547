namespace Dnd.Crm.Delivery;

/// <summary>The reasons the outbox writes on a message that has not left yet; cleared once it is sent.</summary>
public static class DeliveryReasons
{
    public const string Retrying = "retrying: ";
    public const string NoAnswer = "no answer yet: ";

    /// <summary>Whether a reason is one of these passing ones (or quiet hours', or waiting for an integration), which mean nothing once the message is sent.</summary>
    public static bool Passing(string? reason) => reason is not null
        && (reason.StartsWith(Retrying, StringComparison.Ordinal) || reason.StartsWith(NoAnswer, StringComparison.Ordinal)
            || reason.StartsWith(Integrations.IntegrationHolds.Waiting, StringComparison.Ordinal)
            || reason.StartsWith(Messaging.QuietHours.QuietHoursWait.Prefix, StringComparison.Ordinal));
}
