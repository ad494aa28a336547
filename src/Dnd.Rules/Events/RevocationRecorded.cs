using Dnd.Rules.Consent;

namespace Dnd.Rules.Events;

/// <summary>
/// Staff record that the contact revoked consent: a possible opt-out in a message they confirmed, or a revocation
/// received another way (a call, an e-mail, a letter, a form). It is the contact's own revocation, so it is theirs
/// to lift (START) as any opt-out; who recorded it is the ledger's <see cref="ConsentEvent.ActedBy"/>.
/// </summary>
/// <param name="Method">How it reached the business: text, call, email, letter, web_form, in_person or other.</param>
/// <param name="ReceivedAt">When the business received it: the 10-business-day clock starts here, not when it was recorded.</param>
/// <param name="Deadline">The last moment it may be honoured (10 business days in the account's time zone).</param>
public sealed record RevocationRecorded(IReadOnlyList<Channel> Channels, string Method, DateTimeOffset ReceivedAt, DateTimeOffset Deadline,
    string? StaffNote = null) : ConsentEvent
{
    public override string Kind => "revocation.recorded";
    public override Actor Actor => Actor.Contact;
    public override string Source => $"revocation:{Method}";

    public override string? Note =>
        $"Revoked by {Method.Replace('_', ' ')}, received {ReceivedAt:u}, to be honoured by {Deadline:u}" +
        (string.IsNullOrWhiteSpace(StaffNote) ? "" : $": {StaffNote.Trim()}");

    public override string Describe() =>
        $"{Kind} {Method} {string.Join(",", Channels.Select(c => c.ToWire()))} received {ReceivedAt:u} deadline {Deadline:u}";
}
