namespace Dnd.Workflows.Model;

/// <summary>From an activity's named outcome to the next activity.</summary>
public sealed record Connection(string Source, string Outcome, string Target);
