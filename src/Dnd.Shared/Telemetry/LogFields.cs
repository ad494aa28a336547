namespace Dnd.Shared.Telemetry;

/// <summary>
/// A logging scope's fields (ILogger.BeginScope): ids only, which the JSON console writes as properties of every line
/// logged inside it. Never a body, token or address: those stay out of logs (<see cref="Redact"/> when one must be shown).
/// </summary>
public static class LogFields
{
    public static KeyValuePair<string, object?>[] Ids(string accountId, string? contactId = null, string? messageId = null) =>
    [
        new("AccountId", accountId),
        new("ContactId", contactId),
        new("MessageId", messageId),
    ];
}
