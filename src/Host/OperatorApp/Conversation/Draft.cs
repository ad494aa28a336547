using Dnd.Crm.Persistence;
using Dnd.Host.Api.Conversations;
using Dnd.Rules.Consent;

namespace Dnd.Host.OperatorApp.ConversationScreen;

/// <summary>What staff typed in the compose box, made into the API's send request (validated there, as for an integration).</summary>
public sealed record Draft(Channel Channel, string? Subject, string? Body, bool Transactional)
{
    public SendMessageRequest ToRequest(string contactId) => new(
        Channel.ToWire(),
        contactId,
        Message: Body,
        // A subject belongs to e-mail only; one left over from switching channel is not sent.
        Subject: Channel == Channel.Email ? Subject : null,
        Purpose: Transactional ? MessagePurpose.Transactional : MessagePurpose.Marketing);
}

/// <summary>What became of a send, in words: refused (the API's reason) or accepted (queued, or held for review).</summary>
public sealed record SendAnswer(bool Refused, string Message);
