namespace Dnd.Workflows.Activities;

/// <param name="Kind">text, template, channel, channelOrAll, boolean, duration or choice.</param>
/// <param name="Options">Allowed values for a choice.</param>
public sealed record PropertyDescriptor(
    string Name,
    string Kind,
    bool Required,
    string Description,
    object? Default = null,
    IReadOnlyList<string>? Options = null);
