using Dnd.Crm.Consent;

namespace Dnd.Host.Api.Accounts;

/// <summary>The API's words for <see cref="SmsOptOutWhen"/>: every, first, never.</summary>
public static class SmsOptOutWhenNames
{
    private static readonly (SmsOptOutWhen When, string Wire)[] Names =
        [(SmsOptOutWhen.EveryMessage, "every"), (SmsOptOutWhen.FirstMessage, "first"), (SmsOptOutWhen.Never, "never")];

    public static string ToWire(SmsOptOutWhen when) => Names.Single(n => n.When == when).Wire;

    public static SmsOptOutWhen? Parse(string? text) =>
        Names.FirstOrDefault(n => string.Equals(n.Wire, text?.Trim(), StringComparison.OrdinalIgnoreCase)) is { Wire: not null } found ? found.When : null;

    public static string Listed => string.Join(", ", Names.Select(n => n.Wire));
}
