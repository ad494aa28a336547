namespace Dnd.Host.Api.Accounts;

/// <summary>One channel's own keyword lists.</summary>
public sealed record ChannelKeywordsDto(List<string>? OptOut, List<string>? OptIn);
