using Dnd.Rules.Consent;
using System.Text.Json;

namespace Dnd.Rules.Data;

/// <summary>
/// The consent settings every account starts from (Defaults/account-defaults.json, shipped in the repo): keyword lists,
/// the channels keywords act on, the unsubscribe scope. Each account overrides them through the settings API; the
/// required opt-out words are the floor no account goes below.
/// </summary>
public sealed record AccountDefaults(
    IReadOnlyList<string> RequiredOptOutKeywords,
    IReadOnlyList<string> OptOutKeywords,
    IReadOnlyList<string> OptInKeywords,
    IReadOnlyList<Channel> KeywordChannels,
    UnsubscribeScope UnsubscribeScope)
{
    public const string FileName = "account-defaults.json";

    public static AccountDefaults Shipped { get; } = Parse(FileName, ReadEmbedded());

    /// <exception cref="RuleSetException">The file or one of its entries (named) is not valid.</exception>
    public static AccountDefaults Parse(string file, string json)
    {
        RuleSetException Error(string what) => new($"{file}: {what}");
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(json).RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new RuleSetException($"{file}: not valid JSON: {e.Message}", e);
        }
        IReadOnlyList<string> Words(string name)
        {
            if (!root.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw Error($"{name} must be an array of words");
            }
            var words = new List<string>();
            var number = 0;
            foreach (var item in list.EnumerateArray())
            {
                number++;
                var word = item.ValueKind == JsonValueKind.String ? item.GetString()!.Trim() : "";
                if (word.Length == 0 || word.Any(char.IsWhiteSpace))
                {
                    throw Error($"{name} entry {number} must be one word");
                }
                words.Add(word.ToUpperInvariant());
            }
            return words;
        }
        var required = Words("requiredOptOutKeywords");
        var optOut = Words("optOutKeywords");
        if (required.Except(optOut).FirstOrDefault() is { } missing)
        {
            throw Error($"optOutKeywords must include every required opt-out keyword ({missing} is missing)");
        }
        var optIn = Words("optInKeywords");
        if (optIn.Intersect(optOut).FirstOrDefault() is { } both)
        {
            throw Error($"{both} is both an opt-out and an opt-in keyword");
        }
        var channels = Words("keywordChannels").Select((name, i) =>
            ChannelNames.TryParse(name, out var channel) ? channel : throw Error($"keywordChannels entry {i + 1}: '{name}' is not a channel")).ToList();
        var scopeText = root.TryGetProperty("unsubscribeScope", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        if (!Enum.TryParse<UnsubscribeScope>(scopeText, ignoreCase: true, out var scope) || !Enum.IsDefined(scope))
        {
            throw Error($"unsubscribeScope '{scopeText}' is not EmailOnly or AllChannels");
        }
        return new AccountDefaults(required, optOut, optIn, channels, scope);
    }

    private static string ReadEmbedded()
    {
        using var stream = typeof(AccountDefaults).Assembly.GetManifestResourceStream("Dnd.Rules.Defaults." + FileName)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
