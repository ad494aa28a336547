namespace Dnd.Host.Auth;

/// <summary>Checks the operator app's cookie on an endpoint that accepts it (<see cref="OperatorSessionCredential"/>).</summary>
public interface IOperatorSessionCheck
{
    /// <returns><paramref name="notSignedIn"/> without a valid cookie; a refusal; or null when the request may go on as the person, in <paramref name="account"/>.</returns>
    Task<IResult?> CheckAsync(HttpContext http, AccountContext account, IResult notSignedIn);
}
