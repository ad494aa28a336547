namespace Dnd.Host.Api.Contacts;

/// <summary>What happened to one requested DND change; tells the caller when a lift was refused and why.</summary>
public sealed record DndDecisionDto(string? Channel, string Verdict, string Rule, string? PolicyRule, string Explanation);
