namespace Dnd.Rules.Data;

/// <summary>A data table the rules read; its fingerprint tells tables apart, so a memoized decision is never reused across them.</summary>
public interface IRuleTable
{
    /// <summary>A hash of the entries as parsed: equal tables, equal fingerprints.</summary>
    string Fingerprint { get; }

    /// <summary>The entries as JSON (the array of the file's root object), for showing and storing an override.</summary>
    string EntriesJson { get; }
}
