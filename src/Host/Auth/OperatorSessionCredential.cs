namespace Dnd.Host.Auth;

/// <summary>
/// Endpoint metadata: besides an API key the endpoint takes the operator app's sign-in cookie (the designer opened from
/// the app holds no key). The app checks the cookie (<see cref="IOperatorSessionCheck"/>); without the app, only keys work.
/// </summary>
public sealed class OperatorSessionCredential
{
    public static readonly OperatorSessionCredential Accepted = new();

    private OperatorSessionCredential()
    {
    }
}
