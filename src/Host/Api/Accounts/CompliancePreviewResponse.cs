namespace Dnd.Host.Api.Accounts;

/// <summary>The message as it would leave: body and subject with the compliance texts, and the headers an email carries.</summary>
public sealed record CompliancePreviewResponse(string Channel, string Body, string? Subject, IReadOnlyDictionary<string, string> Headers);
