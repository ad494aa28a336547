namespace Dnd.Host.Errors;

/// <summary>A request the API refuses for a reason the caller can fix; becomes a problem-details response.</summary>
public sealed class ApiValidationException(string detail, IReadOnlyList<string>? errors = null, int status = 422, string title = "Invalid request")
    : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;
    public IReadOnlyList<string>? Errors { get; } = errors;
}
