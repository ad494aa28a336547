namespace Dnd.Host.Webhooks;

/// <summary>What a Meta webhook delivery did.</summary>
/// <param name="Received">Contacts' messages applied now (read for STOP/START and filed in the inbox).</param>
/// <param name="Duplicates">Messages applied by an earlier delivery: nothing changed for them.</param>
/// <param name="Statuses">WhatsApp delivery statuses recorded on the messages we sent.</param>
/// <param name="ContactIds">The contacts the applied messages came from.</param>
public sealed record MetaWebhookResponse(int Received, int Duplicates, int Statuses, IReadOnlyList<string> ContactIds);
