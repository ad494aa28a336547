namespace Dnd.Host.Api.Contacts;

/// <summary>A request's inboundDndSettings (HighLevel's InboundDndSettingsSchema).</summary>
public sealed record InboundDndSettingsRequest
{
    public InboundDndSettingRequest? All
    {
        get;
        init
        {
            field = value;
            AllIsNull = value is null;
        }
    }

    /// <summary>"all" was sent as JSON null, which HighLevel's schema does not allow; absent is fine.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool AllIsNull { get; private init; }
}

public sealed record InboundDndSettingRequest(string? Status, string? Message = null);
