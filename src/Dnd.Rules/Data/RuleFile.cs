namespace Dnd.Rules.Data;

/// <summary>One rule file's text; Name is used only in error messages.</summary>
public sealed record RuleFile(string Name, string Json);
