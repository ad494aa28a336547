namespace Dnd.Host.Tests.Contract;

/// <summary>One response as a client saw it: what the contract audit checks against the OpenAPI document.</summary>
/// <param name="Path">The request path without query, as routing saw it (decoded).</param>
/// <param name="Body">The body, or its first <see cref="ResponseRecorder.MaxBodyBytes"/> bytes when <paramref name="Truncated"/>.</param>
public sealed record ObservedResponse(string Method, string Path, int Status, string? ContentType, byte[] Body, bool Truncated = false)
{
    public override string ToString() => $"{Method} {Path} -> {Status} {ContentType}";
}
