using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Dnd.Load;

public sealed record BenchAccount(string Id, string ApiKey, string TwilioAuthToken, string MailgunSigningKey);

/// <summary>
/// Writes each scenario's requests, every one unique where the server deduplicates (MessageSid, Mailgun token and
/// event id) and signed the way the providers sign: Twilio's X-Twilio-Signature is computed here from Twilio's
/// documented algorithm (not the server's code), so a drift in the server's check shows up as 403s.
/// </summary>
public sealed class Requests(string folder, Population people, BenchAccount account, string publicBaseUrl)
{
    private const string Form = "application/x-www-form-urlencoded";
    private const string Json = "application/json";
    private const string OurNumber = "+15005550006";

    private static readonly string[] Stops = ["STOP", "STOP", "STOP", "stop", "Stop", " STOP "];

    // Ordinary replies: none is an opt-in word (START, UNSTOP, YES), which would lift a STOP sent before it.
    private static readonly string[] Replies =
    [
        "Thanks, see you Tuesday", "What time do you open?", "ok sounds good", "Can you call me after 5?", "Got it, thank you!",
        "Is the offer still valid?", "Please send the address", "I'll be 10 minutes late", "Perfect", "How much is it?",
    ];

    private int _sets;

    private static readonly bool SelfTest = Environment.GetEnvironmentVariable("LOAD_CHECK_SELFTEST") == "1";

    private string Prefix(string name) => Path.Combine(folder, $"{Interlocked.Increment(ref _sets):D2}-{name}");

    private static Random[] Randoms(int threads, int seed) => Enumerable.Range(0, threads).Select(t => new Random(seed * 1000 + t)).ToArray();

    public RequestSet TwilioInbound(string name, int threads, int linesPerThread, bool warmup, int seed)
    {
        var path = $"/webhooks/twilio/{account.Id}/sms";
        var url = publicBaseUrl.TrimEnd('/') + path;
        var randoms = Randoms(threads, seed);
        var pool = warmup ? people.Filler : people.Inbound;
        return RequestSet.Write(name, Prefix(name), "POST", path, Form, threads, linesPerThread, (t, _) =>
        {
            var random = randoms[t];
            var contact = pool.Pick(random);
            var stop = !warmup && random.Next(5) == 0;
            var body = stop ? Stops[random.Next(Stops.Length)] : Replies[random.Next(Replies.Length)];
            var sid = "SM" + Guid.NewGuid().ToString("N");
            var from = people.Phone(contact);
            (string, string)[] fields =
            [
                ("ToCountry", "US"), ("ToState", "CA"), ("SmsMessageSid", sid), ("NumMedia", "0"), ("ToCity", "SAN FRANCISCO"),
                ("FromZip", "94105"), ("SmsSid", sid), ("FromState", "CA"), ("SmsStatus", "received"), ("FromCity", "SAN FRANCISCO"),
                ("Body", body), ("FromCountry", "US"), ("To", OurNumber), ("ToZip", "94105"), ("NumSegments", "1"),
                ("MessageSid", sid), ("AccountSid", "AC0123456789abcdef0123456789abcdef"), ("From", from), ("ApiVersion", "2010-04-01"),
            ];
            // LOAD_CHECK_SELFTEST=1 checks the checker: a few ordinary replies are expected to have opted out, so the
            // run must end with those contacts listed as wrong and exit 1.
            var planted = !stop && !warmup && SelfTest && random.Next(100) == 0;
            return (TwilioSignature(account.TwilioAuthToken, url, fields), FormBody(fields),
                stop || planted ? new Expect(contact, 0, 2, -1, 1) : Expect.None);
        }, headerName: "X-Twilio-Signature");
    }

    public RequestSet TwilioStatus(string name, int threads, int linesPerThread, bool warmup, int seed)
    {
        var path = $"/webhooks/twilio/{account.Id}/status";
        var url = publicBaseUrl.TrimEnd('/') + path;
        var randoms = Randoms(threads, seed);
        var pool = warmup ? people.Filler : people.Status;
        return RequestSet.Write(name, Prefix(name), "POST", path, Form, threads, linesPerThread, (t, _) =>
        {
            var random = randoms[t];
            var contact = pool.Pick(random);
            var sid = "SM" + Guid.NewGuid().ToString("N");
            var status = warmup ? "delivered" : random.Next(2) == 0 ? "undelivered" : "failed";
            var code = warmup ? null : random.Next(2) == 0 ? "30003" : "21610";
            var fields = new List<(string, string)>
            {
                ("SmsSid", sid), ("SmsStatus", status), ("MessageStatus", status), ("To", people.Phone(contact)), ("MessageSid", sid),
                ("AccountSid", "AC0123456789abcdef0123456789abcdef"), ("From", OurNumber), ("ApiVersion", "2010-04-01"),
            };
            if (code is not null)
            {
                fields.Add(("ErrorCode", code));
            }
            var expect = code switch
            {
                "21610" => new Expect(contact, 0, 2, -1, 2),
                "30003" => new Expect(contact, 0, 1, -1, 3),
                _ => Expect.None,
            };
            return (TwilioSignature(account.TwilioAuthToken, url, fields), FormBody(fields), expect);
        }, headerName: "X-Twilio-Signature");
    }

    public RequestSet Mailgun(string name, int threads, int linesPerThread, bool warmup, int seed)
    {
        var path = $"/webhooks/mailgun/{account.Id}";
        var randoms = Randoms(threads, seed);
        var pool = warmup ? people.Filler : people.Mailgun;
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return RequestSet.Write(name, Prefix(name), "POST", path, Json, threads, linesPerThread, (t, _) =>
        {
            var random = randoms[t];
            var contact = pool.Pick(random);
            var token = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N")[..18];
            var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(account.MailgunSigningKey),
                Encoding.UTF8.GetBytes(timestamp + token)));
            var kind = warmup ? -1 : random.Next(4);
            var (evt, reason, expect) = kind switch
            {
                0 => ("failed", "bounce", new Expect(contact, 1, 1, -1, 4)),
                // An unsubscribe is DND a user may lift saying why (active); a complaint is a permanent spam lock.
                1 => ("failed", "suppress-unsubscribe", new Expect(contact, 1, 1, -1, 5)),
                2 => ("unsubscribed", null, new Expect(contact, 1, 1, -1, 6)),
                3 => ("complained", null, new Expect(contact, 1, 2, -1, 7)),
                _ => ("delivered", null, Expect.None),
            };
            var payload = new Dictionary<string, object?>
            {
                ["signature"] = new { timestamp, token, signature },
                ["event-data"] = new Dictionary<string, object?>
                {
                    ["id"] = Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('/', '_').Replace('+', '-'),
                    ["timestamp"] = double.Parse(timestamp, CultureInfo.InvariantCulture) + 0.123,
                    ["log-level"] = evt == "delivered" ? "info" : "error",
                    ["event"] = evt,
                    ["severity"] = evt == "failed" ? "permanent" : null,
                    ["reason"] = reason,
                    ["recipient"] = Population.Email(contact),
                    ["recipient-domain"] = "example.com",
                    ["message"] = new { headers = new Dictionary<string, string> { ["message-id"] = $"{Guid.NewGuid():N}@mg.example.com", ["to"] = Population.Email(contact), ["subject"] = "Your weekly update" } },
                    ["delivery-status"] = new { code = evt == "failed" ? 550 : 250, message = evt == "failed" ? "5.1.1 mailbox unavailable" : "OK" },
                },
            };
            return ("-", JsonSerializer.Serialize(payload), expect);
        });
    }

    public RequestSet Send(string name, int threads, int linesPerThread, bool warmup, int seed)
    {
        var randoms = Randoms(threads, seed);
        var pool = warmup ? people.Filler : people.Send;
        return RequestSet.Write(name, Prefix(name), "POST", "/conversations/messages", Json, threads, linesPerThread, (t, i) =>
        {
            var contact = pool.Pick(randoms[t]);
            var body = JsonSerializer.Serialize(new { type = "SMS", contactId = Population.Id(contact), message = $"Your appointment is confirmed ({t}.{i})." });
            return ("-", body, warmup ? Expect.None : new Expect(contact, 0, 0, (sbyte)(people.SmsBlocked(contact) ? 1 : 0), 8));
        }, staticHeader: $"Authorization: Bearer {account.ApiKey}", reusable: true);
    }

    public const string SearchBody = """{"filters":[{"field":"dndSettings.SMS.status","operator":"eq","value":"active"}],"pageLimit":20}""";

    public RequestSet Search(string name, int threads) =>
        RequestSet.Write(name, Prefix(name), "POST", "/contacts/search", Json, threads, 1, (_, _) => ("-", SearchBody, Expect.None),
            staticHeader: $"Authorization: Bearer {account.ApiKey}", reusable: true);

    /// <summary>Twilio's algorithm: Base64(HMAC-SHA1(auth token, URL + each POST field's name and value, sorted by name)).</summary>
    public static string TwilioSignature(string authToken, string url, IEnumerable<(string Name, string Value)> fields)
    {
        var data = new StringBuilder(url);
        foreach (var (key, value) in fields.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            data.Append(key).Append(value);
        }
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
    }

    private static string FormBody(IEnumerable<(string Name, string Value)> fields) =>
        string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Name) + "=" + Uri.EscapeDataString(f.Value)));
}
