using Dnd.Host.Api.Contacts;
using Dnd.Host.Errors;
using Dnd.Rules.Consent;
using C = Dnd.Host.Api.Contacts.ContactCsvColumns;

namespace Dnd.Host.Api.Imports;

/// <summary>Where each known column is in an import's file, found once from its header (names matched ignoring case and spaces).</summary>
public sealed class ContactImportHeader
{
    private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> Names { get; }

    /// <summary>The DND columns the file has, each with its channel.</summary>
    public IReadOnlyList<(Channel Channel, string Column)> DndColumns { get; }

    /// <summary>Columns this import does not read (HighLevel ignores unmapped columns too); the response lists them.</summary>
    public IReadOnlyList<string> Ignored { get; }

    private static readonly string[] Known =
    [
        C.ContactId, C.FirstName, C.LastName, C.Phone, C.Email, C.BusinessName, C.Source, C.Timezone, C.Tags, C.Created, C.Updated,
        C.InboundDnd, C.ConsentMethod, C.ConsentGivenAt, C.ConsentEvidence,
    ];

    private ContactImportHeader(IReadOnlyList<string> names)
    {
        Names = names;
        var dnd = new List<(Channel, string)>();
        var ignored = new List<string>();
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i].Trim();
            _index.TryAdd(name, i);
            if (C.TryParseDndColumn(name, out var channel))
            {
                dnd.Add((channel, C.Dnd(channel)));
            }
            else if (!Known.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                ignored.Add(names[i]);
            }
        }
        (DndColumns, Ignored) = (dnd, ignored);
    }

    /// <exception cref="ApiValidationException">
    /// 422 naming the column: no Email or Phone to match contacts on, a DND column of no channel (a misspelt channel
    /// would leave contacts reachable unawares), or a column given twice.
    /// </exception>
    public static ContactImportHeader Read(IReadOnlyList<string> names)
    {
        var errors = new FieldErrors();
        var trimmed = names.Select(n => n.Trim()).ToList();
        if (!trimmed.Contains(C.Email, StringComparer.OrdinalIgnoreCase) && !trimmed.Contains(C.Phone, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add(C.Email, $"The header has no \"{C.Email}\" or \"{C.Phone}\" column: one of them is required to match rows to contacts");
        }
        foreach (var name in trimmed.Where(n => C.IsDndColumn(n) && !C.TryParseDndColumn(n, out _)))
        {
            errors.Add(name, $"\"{name}\" names no channel: DND columns are {string.Join(", ", ChannelNames.All.Select(c => $"\"{C.Dnd(c)}\""))}");
        }
        foreach (var twice in trimmed.Where(n => n.Length > 0).GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add(twice.Key, $"The column \"{twice.Key}\" is given {twice.Count()} times");
        }
        errors.ThrowIfAny("The file's header row is not one this import can read; no row was read.");
        return new ContactImportHeader(names);
    }

    /// <summary>The columns of a stored header that the import does not read.</summary>
    public static IReadOnlyList<string> Unread(IReadOnlyList<string> names) => new ContactImportHeader(names).Ignored;

    /// <summary>The column's index, or -1 when the file does not have it.</summary>
    public int IndexOf(string column) => _index.TryGetValue(column, out var i) ? i : -1;
}
