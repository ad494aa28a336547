namespace Dnd.Rules.Engine;

/// <summary>The workflow names the rule files must define, and the parameter names their expressions use.</summary>
public static class RuleWorkflows
{
    public const string TwilioSmsStatus = "TwilioSmsStatus";
    public const string InboundMessage = "InboundMessage";
    public const string MailgunEvent = "MailgunEvent";
    public const string UserDndChange = "UserDndChange";
    public const string FormSubmission = "FormSubmission";
    public const string UnsubscribeLink = "UnsubscribeLink";
    public const string OverridePolicy = "OverridePolicy";

    /// <summary>Classifier rules read the event's facts as <c>evt</c>.</summary>
    public const string EventParameter = "evt";

    /// <summary>Override rules read the change request as <c>req</c>.</summary>
    public const string RequestParameter = "req";

    public static IReadOnlyList<string> Classifiers { get; } =
        [TwilioSmsStatus, InboundMessage, MailgunEvent, UserDndChange, FormSubmission, UnsubscribeLink];

    public static IReadOnlyList<string> All { get; } = [.. Classifiers, OverridePolicy];
}
