using System.Security.Cryptography;
using System.Text;
using Dnd.Host.Limits;
using Dnd.Host.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dnd.Host.Tests.Webhooks;

public class TwilioRequestReaderTests
{
    private const string Base = "https://dnd.example.com";
    private const string Token = "test-auth-token";
    private const string Path = "/webhooks/twilio/acc-1/sms";
    private const string FormType = "application/x-www-form-urlencoded";
    private const string JsonType = "application/json; charset=utf-8";

    private static readonly Dictionary<string, string> Inbound = new()
    {
        ["MessageSid"] = "SM0123456789", ["From"] = "+15550100001", ["To"] = "+15550009999", ["Body"] = "Stop & go = ünïcode+",
    };

    [Fact]
    public async Task A_form_signed_over_the_plain_url_is_read()
    {
        var request = Request(FormType, FormBody(Inbound), Sign(Token, Base + Path, Inbound));

        var read = await ReadAsync(request);

        read.Rejected.Should().BeNull();
        read.Fields.Should().Equal(Inbound);
    }

    [Theory]
    [InlineData("https://dnd.example.com", "https://dnd.example.com:443")]
    [InlineData("http://dnd.example.com", "http://dnd.example.com:80")]
    [InlineData("https://dnd.example.com/", "https://dnd.example.com:443")]
    [InlineData("https://dnd.example.com:443", "https://dnd.example.com")]
    [InlineData("http://dnd.example.com:80", "http://dnd.example.com")]
    [InlineData("https://dnd.example.com:8443", "https://dnd.example.com")]
    [InlineData("https://user:pw@dnd.example.com", "https://user:pw@dnd.example.com:443")]
    public async Task Twilio_may_have_signed_the_url_with_or_without_its_port(string configuredBase, string signedBase)
    {
        var request = Request(FormType, FormBody(Inbound), Sign(Token, signedBase + Path + "?x=1", Inbound), query: "?x=1");

        var read = await TwilioRequestReader.ReadAsync(request, configuredBase, Token, CancellationToken.None);

        read.Rejected.Should().BeNull();
        read.Fields.Should().Equal(Inbound);
    }

    [Theory]
    [InlineData("https://dnd.example.com", "https://dnd.example.com:8443")]
    [InlineData("https://dnd.example.com", "https://dnd.example.com:80")]
    [InlineData("http://dnd.example.com", "http://dnd.example.com:443")]
    [InlineData("https://dnd.example.com:8443", "https://dnd.example.com:443")]
    public async Task Only_the_default_or_the_configured_port_is_tried(string configuredBase, string signedBase)
    {
        var request = Request(FormType, FormBody(Inbound), Sign(Token, signedBase + Path, Inbound));

        var read = await TwilioRequestReader.ReadAsync(request, configuredBase, Token, CancellationToken.None);

        ShouldBeProblem(read, 403, "Invalid signature");
    }

    /// <summary>Signatures from twilio-csharp's own RequestValidatorTest (auth token "12345"), each of which it accepts.</summary>
    [Theory]
    [InlineData("https://mycompany.com", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")]
    [InlineData("https://mycompany.com", "kvajT1Ptam85bY51eRf/AJRuM3w=")]
    [InlineData("http://mycompany.com", "0ZXoZLH/DfblKGATFgpif+LLRf4=")]
    [InlineData("https://mycompany.com:1234", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")]
    [InlineData("https://mycompany.com:1234", "CYn1h0gLBdNxDGkKJg6hYohgeD8=")]
    [InlineData("http://mycompany.com:1234", "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=")]
    [InlineData("https://MyCompany.com", "g9IN/x4Cft2g517EjYvEvM/W7LU=")]
    [InlineData("https://MyCompany.com:1234", "PCqOZm8cnu/L6+u5i5fuEd+Iac4=")]
    public async Task Twilios_published_form_signatures_are_accepted(string configuredBase, string signature)
    {
        var form = new Dictionary<string, string>
        {
            ["CallSid"] = "CA1234567890ABCDE", ["From"] = "+14158675309", ["Digits"] = "1234", ["To"] = "+18005551212", ["Caller"] = "+14158675309",
        };
        var request = Request(FormType, FormBody(form), signature, path: "/myapp.php", query: "?foo=1&bar=2");

        var read = await TwilioRequestReader.ReadAsync(request, configuredBase, "12345", CancellationToken.None);

        read.Rejected.Should().BeNull();
    }

    /// <summary>twilio-csharp's TestValidateWithOnlyHash and TestValidateWithBody.</summary>
    [Theory]
    [InlineData("?bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620", "y77kIzt2vzLz71DgmJGsen2scGs=")]
    [InlineData("?foo=1&bar=2&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620", "a9nBmqA0ju/hNViExpshrM61xv4=")]
    public async Task Twilios_published_json_signatures_are_accepted(string query, string signature)
    {
        var body = Encoding.UTF8.GetBytes("{\"property\": \"value\", \"boolean\": true}");
        var request = Request(JsonType, body, signature, path: "/myapp.php", query: query);

        var read = await TwilioRequestReader.ReadAsync(request, "https://mycompany.com", "12345", CancellationToken.None);

        read.Rejected.Should().BeNull();
        read.Fields.Should().Equal(new Dictionary<string, string> { ["property"] = "value", ["boolean"] = "true" });
    }

    [Fact]
    public async Task A_json_body_with_its_hash_in_the_url_is_read_and_stays_readable()
    {
        var body = Encoding.UTF8.GetBytes("""{"MessageSid":"SM1","Body":"héllo","NumMedia":2,"Opt":true,"Nil":null,"Media":{"a":[1, 2]}}""");
        var query = $"?tag=x&bodySHA256={Sha256Hex(body)}";
        var request = Request(JsonType, body, Sign(Token, Base + Path + query), query: query);

        var read = await ReadAsync(request);

        read.Rejected.Should().BeNull();
        read.Fields.Should().Equal(new Dictionary<string, string>
        {
            ["MessageSid"] = "SM1", ["Body"] = "héllo", ["NumMedia"] = "2", ["Opt"] = "true", ["Nil"] = "null", ["Media"] = """{"a":[1, 2]}""",
        });
        request.Body.Position.Should().Be(0, "the caller may read the body again");
    }

    [Fact]
    public async Task A_json_body_that_does_not_match_its_hash_is_refused()
    {
        var signed = Encoding.UTF8.GetBytes("""{"Body":"START"}""");
        var sent = Encoding.UTF8.GetBytes("""{"Body":"STOP"}""");
        var query = $"?bodySHA256={Sha256Hex(signed)}";
        var request = Request(JsonType, sent, Sign(Token, Base + Path + query), query: query);

        ShouldBeProblem(await ReadAsync(request), 403, "Invalid signature");
    }

    [Fact]
    public async Task A_json_body_without_bodySHA256_is_refused_even_when_the_url_is_signed()
    {
        var body = Encoding.UTF8.GetBytes("""{"Body":"STOP"}""");
        var request = Request(JsonType, body, Sign(Token, Base + Path));

        ShouldBeProblem(await ReadAsync(request), 403, "Invalid signature");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Every_bodySHA256_must_match_because_twilios_validators_read_different_ones(bool rightFirst)
    {
        var body = Encoding.UTF8.GetBytes("""{"Body":"STOP"}""");
        var (right, wrong) = (Sha256Hex(body), Sha256Hex(Encoding.UTF8.GetBytes("{}")));
        var query = rightFirst ? $"?bodySHA256={right}&bodySHA256={wrong}" : $"?bodySHA256={wrong}&bodySHA256={right}";
        var request = Request(JsonType, body, Sign(Token, Base + Path + query), query: query);

        ShouldBeProblem(await ReadAsync(request), 403, "Invalid signature");
    }

    [Fact]
    public async Task A_tampered_form_value_is_refused()
    {
        var sent = new Dictionary<string, string>(Inbound) { ["Body"] = "START" };
        var request = Request(FormType, FormBody(sent), Sign(Token, Base + Path, Inbound));

        ShouldBeProblem(await ReadAsync(request), 403, "Invalid signature");
    }

    [Theory]
    [InlineData(FormType)]
    [InlineData(JsonType)]
    public async Task A_signature_made_with_another_token_is_refused(string contentType)
    {
        var body = contentType == FormType ? FormBody(Inbound) : Encoding.UTF8.GetBytes("""{"Body":"STOP"}""");
        var query = contentType == FormType ? "" : $"?bodySHA256={Sha256Hex(body)}";
        var request = Request(contentType, body, Sign("another-token", Base + Path + query, contentType == FormType ? Inbound : null), query: query);

        ShouldBeProblem(await ReadAsync(request), 403, "Invalid signature");
    }

    [Fact]
    public async Task A_missing_signature_or_account_token_is_refused()
    {
        var unsigned = Request(FormType, FormBody(Inbound), signature: null);
        var noToken = Request(FormType, FormBody(Inbound), Sign("", Base + Path, Inbound));

        ShouldBeProblem(await ReadAsync(unsigned), 403, "Invalid signature");
        ShouldBeProblem(await TwilioRequestReader.ReadAsync(noToken, Base, "", CancellationToken.None), 403, "Invalid signature");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData(null)]
    public async Task A_body_that_is_neither_form_nor_json_is_unsupported(string? contentType)
    {
        var body = Encoding.UTF8.GetBytes("Body=STOP");
        var request = Request(contentType, body, Sign(Token, Base + Path, new Dictionary<string, string> { ["Body"] = "STOP" }));

        ShouldBeProblem(await ReadAsync(request), 415, "Unsupported media type");
    }

    [Theory]
    [InlineData("""{"Body":"STOP" """)]
    [InlineData("""["STOP"]""")]
    [InlineData("\"STOP\"")]
    [InlineData("")]
    public async Task A_signed_body_that_is_not_a_json_object_is_a_bad_request(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var query = $"?bodySHA256={Sha256Hex(body)}";
        var request = Request(JsonType, body, Sign(Token, Base + Path + query), query: query);

        ShouldBeProblem(await ReadAsync(request), 400, "Bad request");
    }

    [Theory]
    [InlineData("multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data; name=\"Body\"\r\n\r\nSTOP")]
    [InlineData("multipart/form-data", "--xyz\r\n\r\n")]
    public async Task A_malformed_multipart_body_is_a_bad_request(string contentType, string body)
    {
        var request = Request(contentType, Encoding.UTF8.GetBytes(body), Sign(Token, Base + Path));

        ShouldBeProblem(await ReadAsync(request), 400, "Bad request");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_webhook_limit_is_too_large_and_one_at_the_limit_is_read(bool declaresLength)
    {
        var atLimit = new Dictionary<string, string> { ["Body"] = new string('a', ApiLimits.WebhookBodyBytes - "Body=".Length) };
        var overLimit = new Dictionary<string, string> { ["Body"] = atLimit["Body"] + "a" };

        var fits = await ReadAsync(Request(FormType, FormBody(atLimit), Sign(Token, Base + Path, atLimit), declaresLength: declaresLength));
        var tooLarge = await ReadAsync(Request(FormType, FormBody(overLimit), Sign(Token, Base + Path, overLimit), declaresLength: declaresLength));

        fits.Rejected.Should().BeNull();
        fits.Fields["Body"].Should().HaveLength(atLimit["Body"].Length);
        ShouldBeProblem(tooLarge, 413, "Payload too large");
    }

    private static Task<TwilioRequestRead> ReadAsync(HttpRequest request) =>
        TwilioRequestReader.ReadAsync(request, Base, Token, CancellationToken.None);

    private static HttpRequest Request(string? contentType, byte[] body, string? signature, string path = Path, string query = "", bool declaresLength = true)
    {
        var request = new DefaultHttpContext().Request;
        request.Method = "POST";
        request.Path = path;
        request.QueryString = new QueryString(query);
        request.ContentType = contentType;
        request.Body = new MemoryStream(body);
        request.ContentLength = declaresLength ? body.Length : null;
        if (signature is not null)
        {
            request.Headers["X-Twilio-Signature"] = signature;
        }
        return request;
    }

    private static byte[] FormBody(Dictionary<string, string> form) =>
        Encoding.UTF8.GetBytes(string.Join("&", form.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")));

    /// <summary>Twilio's scheme written out again here, so the tests do not trust the code they test.</summary>
    private static string Sign(string token, string url, Dictionary<string, string>? form = null)
    {
        var data = new StringBuilder(url);
        foreach (var key in (form ?? []).Keys.Order(StringComparer.Ordinal))
        {
            data.Append(key).Append(form![key]);
        }
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(token));
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(data.ToString())));
    }

    private static string Sha256Hex(byte[] body)
    {
        using var sha = SHA256.Create();
        return string.Concat(sha.ComputeHash(body).Select(b => b.ToString("x2")));
    }

    private static void ShouldBeProblem(TwilioRequestRead read, int status, string title)
    {
        var problem = read.Rejected.Should().BeOfType<ProblemHttpResult>().Subject.ProblemDetails;
        problem.Status.Should().Be(status);
        problem.Title.Should().Be(title);
        read.Fields.Should().BeEmpty();
    }
}
