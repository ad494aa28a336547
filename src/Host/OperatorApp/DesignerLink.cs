namespace Dnd.Host.OperatorApp;

/// <summary>The workflow designer opened from the app: it works with the signed-in person's cookie in the account named.</summary>
public static class DesignerLink
{
    public static string For(string accountId, string? workflowId = null) =>
        $"/designer/?account={Uri.EscapeDataString(accountId)}" + (workflowId is null ? "" : $"&workflow={Uri.EscapeDataString(workflowId)}");
}
