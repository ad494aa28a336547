namespace Dnd.Workflows.Model;

/// <summary>Where the designer drew an activity; the runtime ignores it.</summary>
public sealed record Position(double X, double Y);
