using System.Text.Json;
using System.Text.RegularExpressions;

namespace Dnd.Rules.Data;

/// <summary>
/// One language's opt-out wording (Defaults/phrases/&lt;code&gt;.json, or an account's own list for a language):
/// <list type="bullet">
/// <item><see cref="Keywords"/>: words that revoke per se when a sentence is that word alone ("STOP", "baja").</item>
/// <item><see cref="Clear"/>: phrases that revoke wherever they stand ("stop texting", "dejen de escribirme").</item>
/// <item><see cref="Possible"/>: phrases staff should review ("not interested").</item>
/// <item><see cref="NotOptOut"/>: guards read first, whose words then count for nothing ("stop by", "cancel * appointment").</item>
/// <item><see cref="InReply"/>: whole messages that are a possible opt-out only in reply to our message ("no", "enough").</item>
/// <item><see cref="Filler"/>: words that leave a lone keyword alone ("please", "now", "por favor").</item>
/// </list>
/// Entries are words as a message reads them (case, accents and apostrophes do not matter); <c>*</c> stands for up to
/// three words, <c>^…$</c> for the whole message.
/// </summary>
public sealed partial record PhraseList(
    string Language,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> Clear,
    IReadOnlyList<string> Possible,
    IReadOnlyList<string> NotOptOut)
{
    private const string ResourcePrefix = "Dnd.Rules.Defaults.phrases.";

    private static readonly string[] Fields = ["language", "keywords", "clear", "possible", "notOptOut", "inReply", "filler"];

    public IReadOnlyList<string> InReply { get; init; } = [];

    public IReadOnlyList<string> Filler { get; init; } = [];

    /// <summary>The lists shipped in this assembly (English and Spanish), by language code.</summary>
    public static IReadOnlyDictionary<string, PhraseList> Shipped { get; } = LoadShipped();

    /// <summary>
    /// The words the FCC rule (47 CFR 64.1200(a)(12)) names as revoking consent per se: always read, whatever list an
    /// account puts in place of the shipped English one.
    /// </summary>
    public static PhraseList LawFloor { get; } = new("en", ["stop", "quit", "end", "revoke", "opt out", "optout", "cancel", "unsubscribe", "stopall"], [], [], []);

    /// <summary>
    /// Reads and validates a list. <paramref name="file"/> names it in errors ("es.json", or just "es" for a list an API
    /// receives); its language is the JSON's "language", or the file's name without ".json".
    /// </summary>
    /// <exception cref="RuleSetException">
    /// Not valid, with the list, field and entry named: "es.clear entry 3: must not be empty" (prefixed "es.json: "
    /// when the file name is not the bare code).
    /// </exception>
    public static PhraseList Parse(string file, string json)
    {
        var name = file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? file[..^5] : file;
        var prefix = name == file ? "" : $"{file}: ";
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new RuleSetException($"{prefix}{name}: not valid JSON: {e.Message}", e);
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new RuleSetException($"{prefix}{name}: must be a JSON object with {string.Join(", ", Fields)}");
        }
        foreach (var property in root.EnumerateObject())
        {
            if (!Fields.Contains(property.Name, StringComparer.Ordinal))
            {
                throw new RuleSetException($"{prefix}{name}: unknown field '{property.Name}' (expected {string.Join(", ", Fields)})");
            }
        }
        var language = name.ToLowerInvariant();
        if (root.TryGetProperty("language", out var lang))
        {
            var given = lang.ValueKind == JsonValueKind.String ? lang.GetString()!.Trim().ToLowerInvariant() : "";
            if (given != language)
            {
                throw new RuleSetException($"{prefix}{name}.language: '{given}' must be the list's code, '{language}'");
            }
        }
        if (!LanguageCode().IsMatch(language))
        {
            throw new RuleSetException($"{prefix}{name}: '{language}' is not a language code such as en, es or pt-br");
        }
        IReadOnlyList<string> Entries(string field, bool required)
        {
            if (!root.TryGetProperty(field, out var array))
            {
                return required ? throw new RuleSetException($"{prefix}{language}.{field}: is required (an array of phrases)") : [];
            }
            if (array.ValueKind != JsonValueKind.Array)
            {
                throw new RuleSetException($"{prefix}{language}.{field}: must be an array of phrases");
            }
            return array.EnumerateArray()
                .Select((item, i) => item.ValueKind == JsonValueKind.String ? item.GetString()!
                    : throw new RuleSetException($"{prefix}{language}.{field} entry {i + 1}: must be a string"))
                .ToList();
        }
        var list = new PhraseList(language, Entries("keywords", true), Entries("clear", true), Entries("possible", true), Entries("notOptOut", true))
        {
            InReply = Entries("inReply", false),
            Filler = Entries("filler", false),
        };
        try
        {
            _ = list.Compile();
        }
        catch (RuleSetException e)
        {
            throw new RuleSetException(prefix + e.Message, e);
        }
        return list;
    }

    /// <summary>The list as <see cref="Parse"/> reads it (an account's list, stored or sent back by the API).</summary>
    public string ToJson() => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["language"] = Language,
        ["keywords"] = Keywords,
        ["clear"] = Clear,
        ["possible"] = Possible,
        ["notOptOut"] = NotOptOut,
        ["inReply"] = InReply,
        ["filler"] = Filler,
    }, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>Every entry compiled, in list order.</summary>
    /// <exception cref="RuleSetException">An entry is not valid: "es.clear entry 3: must not be empty".</exception>
    internal IReadOnlyList<PhrasePattern> Compile()
    {
        var patterns = new List<PhrasePattern>();
        foreach (var (field, kind, entries) in new (string, PhraseKind, IReadOnlyList<string>)[]
        {
            ("keywords", PhraseKind.Keyword, Keywords), ("clear", PhraseKind.Clear, Clear), ("possible", PhraseKind.Possible, Possible),
            ("notOptOut", PhraseKind.NotOptOut, NotOptOut), ("inReply", PhraseKind.InReply, InReply), ("filler", PhraseKind.Filler, Filler),
        })
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < (entries?.Count ?? 0); i++)
            {
                var pattern = PhrasePattern.Compile(entries![i], Language, kind, out var problem)
                    ?? throw new RuleSetException($"{Language}.{field} entry {i + 1}: {problem}");
                if (!seen.TryAdd(pattern.Key, i + 1))
                {
                    throw new RuleSetException($"{Language}.{field} entry {i + 1}: '{pattern.Text}' repeats entry {seen[pattern.Key]}");
                }
                patterns.Add(pattern);
            }
        }
        return patterns;
    }

    private static Dictionary<string, PhraseList> LoadShipped()
    {
        var assembly = typeof(PhraseList).Assembly;
        var lists = new Dictionary<string, PhraseList>(StringComparer.OrdinalIgnoreCase);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var list = Parse(resource[ResourcePrefix.Length..], reader.ReadToEnd());
            lists.Add(list.Language, list);
        }
        return lists;
    }

    [GeneratedRegex("^[a-z]{2,3}(-[a-z0-9]{2,8})?$")]
    private static partial Regex LanguageCode();
}
