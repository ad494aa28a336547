namespace Dnd.Rules.Consent;

/// <summary>The wire names of <see cref="ConsentMethod"/>: written, web_form, verbal_recording, other.</summary>
public static class ConsentMethodNames
{
    public static IReadOnlyList<ConsentMethod> All { get; } = Enum.GetValues<ConsentMethod>();

    public static string ToWire(this ConsentMethod method) => method switch
    {
        ConsentMethod.Written => "written",
        ConsentMethod.WebForm => "web_form",
        ConsentMethod.VerbalRecording => "verbal_recording",
        _ => "other",
    };

    public static bool TryParse(string? text, out ConsentMethod method)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.ToWire(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                method = candidate;
                return true;
            }
        }
        method = default;
        return false;
    }

    public static string Listed => string.Join(", ", All.Select(m => m.ToWire()));
}
