using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dnd.Rules.Consent;

namespace Dnd.Rules.Data;

/// <summary>The outcome fields a table entry shares (change, status, channels, code, spamLock, message), parsed and checked.</summary>
internal static class OutcomeJson
{
    public static ClassifierOutcome Read(JsonElement entry, string defaultChannels, bool eventHasChannel, Func<string, RuleSetException> error)
    {
        if (!Enum.TryParse<ChangeKind>(Text(entry, "change"), ignoreCase: true, out var change) || !Enum.IsDefined(change))
        {
            throw error("change must be Set, Lift or None");
        }
        var status = DndStatus.Inactive;
        if (Text(entry, "status") is { } s && (!Enum.TryParse(s, ignoreCase: true, out status) || !Enum.IsDefined(status)))
        {
            throw error($"status '{s}' is not Inactive, Active or Permanent");
        }
        var spamLock = entry.TryGetProperty("spamLock", out var flag) && flag.ValueKind == JsonValueKind.True;
        var outcome = new ClassifierOutcome(change, status, Text(entry, "channels") ?? defaultChannels, Text(entry, "code"), Text(entry, "message") ?? "", spamLock);
        return outcome.Problem(eventHasChannel) is { } problem ? throw error(problem) : outcome;
    }

    public static string? Text(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static string Required(JsonElement entry, string name, Func<string, RuleSetException> error) =>
        Text(entry, name) is { Length: > 0 } text ? text.Trim() : throw error($"{name} is required");

    /// <summary>The named array's text, compact, and its SHA-256: what a table stores and how it is told apart.</summary>
    public static (string Json, string Fingerprint) Identity(IEnumerable<(JsonElement Entry, int Number)> entries)
    {
        var json = "[" + string.Join(",", entries.Select(e => JsonSerializer.Serialize(e.Entry))) + "]";
        return (json, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json))));
    }

    /// <summary>Wraps an entries array (an account's override) as a table file of the given root property.</summary>
    public static RuleFile AsFile(string name, string arrayName, string entriesJson) => new(name, $"{{\"{arrayName}\": {entriesJson}}}");

    /// <summary>The named array of a table file's root object, each entry with its position for error messages.</summary>
    public static IEnumerable<(JsonElement Entry, int Number)> Entries(RuleFile file, string arrayName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(file.Json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new RuleSetException($"{file.Name}: not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object ||
                !document.RootElement.TryGetProperty(arrayName, out var array) || array.ValueKind != JsonValueKind.Array)
            {
                throw new RuleSetException($"{file.Name}: expected an object with an array \"{arrayName}\"");
            }
            var number = 0;
            foreach (var entry in array.EnumerateArray())
            {
                number++;
                if (entry.ValueKind != JsonValueKind.Object)
                {
                    throw new RuleSetException($"{file.Name}: {arrayName} entry {number} is not an object");
                }
                yield return (entry.Clone(), number);
            }
        }
    }
}
