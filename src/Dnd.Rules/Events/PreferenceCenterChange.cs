using Dnd.Rules.Consent;

namespace Dnd.Rules.Events;

/// <summary>
/// The contact chose on the preference center (the page their unsubscribe links lead to): one channel off or back on,
/// or, with no <paramref name="Channel"/>, everything off. E-mail back on is double opt-in: the request only asks for a
/// confirmation, and <paramref name="Confirmed"/> is the contact's POST of the link that confirmation carried.
/// </summary>
/// <param name="LinkId">The signed link the contact acted through (the preference page's or the confirmation's), for the ledger.</param>
public sealed record PreferenceCenterChange(Channel? Channel, bool On, string LinkId, bool Confirmed = false) : ConsentEvent
{
    public override string Kind => "preference-center";
    public override Actor Actor => Actor.Contact;
    public override string Source => "preference-center";
    public override bool ViaLink => true;

    public override string Describe() =>
        $"{Kind} {Channel?.ToWire() ?? "everything"} {(On ? "on" : "off")}{(Confirmed ? " confirmed" : "")} link={LinkId}";
}
