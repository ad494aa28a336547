namespace Dnd.Crm.Messaging;

public sealed record ComposedMessage(string Body, string? Subject, IReadOnlyDictionary<string, string> Headers);
