namespace Dnd.Crm.Consent;

/// <summary>The languages the pages a contact opens (the preference center) are written in: an account picks one.</summary>
public static class PageLanguages
{
    public const string English = "en";
    public const string Spanish = "es";

    public static IReadOnlyList<string> All { get; } = [English, Spanish];

    /// <returns>The language's code as listed, or null for one we do not write.</returns>
    public static string? Parse(string? text) => All.FirstOrDefault(l => string.Equals(l, text?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static string Listed => string.Join(", ", All);
}
