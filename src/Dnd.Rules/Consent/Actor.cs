namespace Dnd.Rules.Consent;

/// <summary>Who caused a change; the override rules weigh this when DND would be lifted.</summary>
public enum Actor
{
    /// <summary>A delivery provider reported something (Twilio, Mailgun).</summary>
    Provider,

    /// <summary>The contact acted directly (keyword reply, unsubscribe link).</summary>
    Contact,

    /// <summary>A CRM user or API key.</summary>
    User,

    /// <summary>The contact submitted a form.</summary>
    Form,

    /// <summary>An automation (workflow step) acting on a user's behalf.</summary>
    Workflow,

    /// <summary>The product itself, e.g. re-applying an opt-out from the suppression list.</summary>
    System,
}
