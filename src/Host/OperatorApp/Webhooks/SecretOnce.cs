namespace Dnd.Host.OperatorApp.Webhooks;

/// <summary>A signing secret just made or rotated, held by the page only until the person dismisses it or does anything else.</summary>
public sealed record SecretOnce(string Url, string Secret);
