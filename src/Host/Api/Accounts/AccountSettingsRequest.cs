namespace Dnd.Host.Api.Accounts;

/// <summary>Fields left null keep their current value.</summary>
public sealed record AccountSettingsRequest(
    List<string>? OptOutKeywords,
    List<string>? OptInKeywords,
    List<string>? KeywordChannels,
    string? UnsubscribeScope,
    string? DefaultRegion = null,
    bool? AllowDuplicateContact = null,
    int? SendCapPerHour = null);
