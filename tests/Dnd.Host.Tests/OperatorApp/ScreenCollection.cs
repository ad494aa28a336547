namespace Dnd.Host.Tests.OperatorApp;

/// <summary>
/// The operator app's Chromium tests run one class at a time (beside the rest of the suite): each holds a browser and
/// a Blazor circuit, and fifteen of them at once on two cores kept circuits waiting past the tests' timeouts.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ScreenCollection
{
    public const string Name = "operator screens";
}
