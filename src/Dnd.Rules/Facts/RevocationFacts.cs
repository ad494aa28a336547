namespace Dnd.Rules.Facts;

/// <param name="Method">How the revocation reached the business (text, call, email, letter, ...).</param>
public sealed record RevocationFacts(string Method);
