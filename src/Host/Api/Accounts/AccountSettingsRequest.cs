namespace Dnd.Host.Api.Accounts;

/// <summary>Fields left null keep their current value.</summary>
/// <param name="UnsubscribeScope">EmailOnly or AllChannels (any case).</param>
/// <param name="LocationId">Optional, as in HighLevel's bodies; when given it must be the API key's own location.</param>
public sealed record AccountSettingsRequest(
    List<string>? OptOutKeywords = null,
    List<string>? OptInKeywords = null,
    List<string>? KeywordChannels = null,
    string? UnsubscribeScope = null,
    string? DefaultRegion = null,
    bool? AllowDuplicateContact = null,
    int? SendCapPerHour = null,
    string? LocationId = null);
