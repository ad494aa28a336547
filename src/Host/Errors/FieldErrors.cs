using System.Text;

namespace Dnd.Host.Errors;

/// <summary>
/// Collects what is wrong with a request, each message naming its field (HighLevel's style: "firstName must ..."),
/// so one 422 lists every problem and nothing is applied until all of them are fixed.
/// </summary>
public sealed class FieldErrors
{
    private readonly List<(string Field, string Message)> _errors = [];

    public bool Any => _errors.Count > 0;

    /// <summary>Each problem with its field, for callers that report them elsewhere than in a 422 (an import's rows).</summary>
    public IReadOnlyList<(string Field, string Message)> Items => _errors;

    public FieldErrors Add(string field, string message)
    {
        _errors.Add((field, message));
        return this;
    }

    public FieldErrors MaxLength(string field, string? value, int max) =>
        value is not null && value.Length > max ? Add(field, $"{field} must be at most {max} characters (it has {value.Length})") : this;

    public FieldErrors MaxBytes(string field, string? value, int max) =>
        value is not null && Encoding.UTF8.GetByteCount(value) > max ? Add(field, $"{field} must be at most {max} bytes of UTF-8") : this;

    public FieldErrors MaxCount<T>(string field, IReadOnlyCollection<T>? items, int max) =>
        items is not null && items.Count > max ? Add(field, $"{field} may have at most {max} entries (it has {items.Count})") : this;

    /// <summary>A list given as JSON null inside an array, e.g. "tags": [null].</summary>
    public FieldErrors NoNulls<T>(string field, IEnumerable<T?>? items) =>
        items?.Any(i => i is null) == true ? Add(field, $"{field} cannot contain null") : this;

    public FieldErrors Required(string field, object? value) =>
        value is null || value is string s && string.IsNullOrWhiteSpace(s) ? Add(field, $"{field} is required") : this;

    /// <exception cref="ApiValidationException">422 listing every message, with the fields named in "fields".</exception>
    public void ThrowIfAny(string detail)
    {
        if (Any)
        {
            throw new ApiValidationException(detail, _errors.Select(e => e.Message).ToList(),
                fields: _errors.Select(e => e.Field).Distinct().ToList());
        }
    }
}
