namespace Dnd.Rules.Consent;

/// <summary>What an email unsubscribe turns off, per account.</summary>
public enum UnsubscribeScope
{
    EmailOnly,
    AllChannels,
}
