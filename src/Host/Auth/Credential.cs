namespace Dnd.Host.Auth;

/// <summary>
/// Endpoint metadata: the credential an endpoint requires. <see cref="CredentialMiddleware"/> checks it before the
/// endpoint binds its parameters, and the OpenAPI document reads it to name the security scheme, so what is
/// enforced and what is documented come from the same line.
/// </summary>
public sealed record Credential(CredentialKind Kind)
{
    public static readonly Credential ApiKey = new(CredentialKind.ApiKey);
    public static readonly Credential AdminKey = new(CredentialKind.AdminKey);
}

public enum CredentialKind
{
    /// <summary>"Authorization: Bearer &lt;api key&gt;", which binds the request to the key's account.</summary>
    ApiKey,

    /// <summary>"X-Admin-Key" equal to Dnd:AdminKey; the admin API is off when none is configured.</summary>
    AdminKey,
}

public static class CredentialExtensions
{
    public static RouteGroupBuilder RequireApiKey(this RouteGroupBuilder group) => group.WithMetadata(Credential.ApiKey);

    /// <summary>Also accepts the operator app's sign-in cookie in place of the key (<see cref="OperatorSessionCredential"/>).</summary>
    public static TBuilder AcceptOperatorSession<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(OperatorSessionCredential.Accepted);

    public static RouteGroupBuilder RequireAdminKey(this RouteGroupBuilder group) => group.WithMetadata(Credential.AdminKey);
}
