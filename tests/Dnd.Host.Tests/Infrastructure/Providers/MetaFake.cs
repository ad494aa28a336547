using System.Net;
using System.Text.Json;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Dnd.Host.Tests.Infrastructure.Providers;

/// <summary>
/// A stand-in for Meta's Graph API (WireMock.Net): a WhatsApp number's and a page's node, WhatsApp Cloud messages and
/// Messenger/Instagram messages, each behind the bearer token. A wrong token gets Meta's own error body (190,
/// OAuthException) and an unknown object Meta's 100 GraphMethodException.
/// </summary>
public sealed class MetaFake : IDisposable
{
    public const string Version = "v21.0";

    private readonly WireMockServer _server = WireMockServer.Start();

    public MetaFake()
    {
        _server.Given(Request.Create().WithPath("/*")).AtPriority(100)
            .RespondWith(Error(HttpStatusCode.BadRequest, "Invalid OAuth access token - Cannot parse access token", "OAuthException", 190));
    }

    public IEnumerable<KeyValuePair<string, string>> Settings =>
        [new("Dnd:Providers:Meta:BaseUrl", _server.Url!), new("Dnd:Providers:Meta:GraphVersion", Version)];

    /// <summary>Graph ids are digits: a fresh one per test.</summary>
    public static string NewId() => Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString();

    /// <summary>The objects the token reaches: a WhatsApp number, a page; their messages endpoints answer as Meta does.</summary>
    public MetaFake Token(string token, string? phoneNumberId = null, string? pageId = null)
    {
        var bearer = $"Bearer {token}";
        _server.Given(Request.Create().WithPath($"/{Version}/*").UsingGet().WithHeader("Authorization", bearer)).AtPriority(20)
            .RespondWith(Error(HttpStatusCode.BadRequest, "Unsupported get request. Object does not exist, cannot be loaded due to missing permissions",
                "GraphMethodException", 100));
        if (phoneNumberId is not null)
        {
            _server.Given(Request.Create().WithPath($"/{Version}/{phoneNumberId}").UsingGet().WithHeader("Authorization", bearer)).AtPriority(10)
                .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { id = phoneNumberId, display_phone_number = "15550003333", verified_name = "Fake" }));
            _server.Given(Request.Create().WithPath($"/{Version}/{phoneNumberId}/messages").UsingPost().WithHeader("Authorization", bearer)).AtPriority(10)
                .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(request => JsonSerializer.Serialize(new
                {
                    messaging_product = "whatsapp",
                    contacts = new[] { new { input = JsonDocument.Parse(request.Body!).RootElement.GetProperty("to").GetString(), wa_id = "x" } },
                    messages = new[] { new { id = "wamid." + Guid.NewGuid().ToString("N") } },
                })));
        }
        if (pageId is not null)
        {
            _server.Given(Request.Create().WithPath($"/{Version}/{pageId}").UsingGet().WithHeader("Authorization", bearer)).AtPriority(10)
                .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { id = pageId, name = "Fake page" }));
            _server.Given(Request.Create().WithPath($"/{Version}/me/messages").UsingPost().WithHeader("Authorization", bearer)).AtPriority(10)
                .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(request => JsonSerializer.Serialize(new
                {
                    recipient_id = JsonDocument.Parse(request.Body!).RootElement.GetProperty("recipient").GetProperty("id").GetString(),
                    message_id = "m_" + Guid.NewGuid().ToString("N"),
                })));
        }
        return this;
    }

    /// <summary>Sends to <paramref name="to"/> (a WhatsApp number without +) are refused with Meta's <paramref name="code"/>.</summary>
    public void Refuse(string to, int code, string message) =>
        _server.Given(Request.Create().WithPath("/*/messages").UsingPost().WithBody(b => b is not null && b.Contains($"\"to\":\"{to}\"", StringComparison.Ordinal)))
            .AtPriority(5).RespondWith(Error(HttpStatusCode.BadRequest, message, "OAuthException", code));

    /// <summary>The messages sends received (WhatsApp and Messenger/Instagram), as their JSON bodies, with the path each went to.</summary>
    public IReadOnlyList<(string Path, JsonElement Body)> Sent => _server.LogEntries
        .Where(e => e.RequestMessage.Method == "POST" && e.RequestMessage.Path.EndsWith("/messages", StringComparison.Ordinal))
        .Select(e => (e.RequestMessage.Path, JsonDocument.Parse(e.RequestMessage.Body!).RootElement.Clone())).ToList();

    private static IResponseBuilder Error(HttpStatusCode status, string message, string type, int code) => Response.Create().WithStatusCode(status)
        .WithBodyAsJson(new { error = new { message, type, code, fbtrace_id = "AbCdEf123" } });

    public void Dispose() => _server.Stop();
}
