namespace Dnd.Crm.Templates;

/// <summary>What templates see of the account as <c>account</c>: its name and the business its compliance texts name.</summary>
public sealed record AccountModel(string Name, string BusinessName, string BusinessAddress);
