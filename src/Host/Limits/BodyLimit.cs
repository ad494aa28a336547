namespace Dnd.Host.Limits;

/// <summary>Endpoint metadata: the largest request body this endpoint reads. Without it, <see cref="ApiLimits.ApiBodyBytes"/>.</summary>
public sealed record BodyLimit(int Bytes);

public static class BodyLimitExtensions
{
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, int bytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BodyLimit(bytes));
}
