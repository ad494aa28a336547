namespace Dnd.Host.OperatorApp.SmartLists;

/// <summary>One entry of the builder's field select: the API's field name, what staff read, and its kind.</summary>
public sealed record FieldOption(string Field, string Label, FieldKind Kind);
