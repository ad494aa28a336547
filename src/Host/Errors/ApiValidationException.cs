namespace Dnd.Host.Errors;

/// <summary>A request the API refuses for a reason the caller can fix; becomes a problem-details response.</summary>
/// <param name="fields">The request fields at fault, for clients that highlight them.</param>
public sealed class ApiValidationException(string detail, IReadOnlyList<string>? errors = null, int status = 422, string title = "Invalid request",
    IReadOnlyList<string>? fields = null)
    : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;
    public IReadOnlyList<string>? Errors { get; } = errors;
    public IReadOnlyList<string>? Fields { get; } = fields;
}
