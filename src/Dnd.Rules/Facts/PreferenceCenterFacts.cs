namespace Dnd.Rules.Facts;

/// <param name="Everything">"Stop everything": every channel off.</param>
/// <param name="On">The contact turned the channel back on (off otherwise).</param>
/// <param name="Email">The channel is e-mail, whose opt-in is double (confirmed through a link sent to the address).</param>
/// <param name="Confirmed">The contact confirmed from the address itself.</param>
public sealed record PreferenceCenterFacts(bool Everything, bool On, bool Email, bool Confirmed);
