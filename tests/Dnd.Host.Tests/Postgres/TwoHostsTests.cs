using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dnd.Host.Tests.Durability;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Tests.Infrastructure.Providers;
using Xunit.Abstractions;
using static Dnd.Host.Tests.Durability.TwilioStops;
using static Dnd.Host.Tests.Infrastructure.Flow;

namespace Dnd.Host.Tests.Postgres;

/// <summary>
/// Several hosts, one PostgreSQL: two server processes share the database and take STOP webhooks, workflow enrolments
/// and API sends side by side; one is killed with SIGKILL mid-load and the survivor takes the rest and the dead one's
/// leftovers. Every STOP answered 2xx (by either) is applied once, every workflow step runs once, and Twilio gets each
/// text once. (SQLite is one process by design: there is no SQLite variant.)
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoHostsTests(PostgresServer postgres, ITestOutputHelper output)
{
    private const int StopContacts = 160;
    private const int WorkflowContacts = 40;
    private const int SendContacts = 40;
    private const int Clients = 16;

    private enum Kind { Stop, Enrol, Send }

    /// <summary>One request of the load; <see cref="Stop"/> serves every kind as its contact and what became of the request.</summary>
    private sealed class Item(Kind kind, Stop contact)
    {
        public Kind Kind { get; } = kind;
        public Stop Contact { get; } = contact;
        public HostProcess? To;
    }

    [Fact]
    public async Task Two_hosts_share_the_load_and_a_kill_of_one_loses_or_doubles_nothing()
    {
        var clock = Stopwatch.StartNew();
        await using var twilio = await RecordingTwilio.StartAsync(TimeSpan.FromMilliseconds(50));
        var logs = TempFiles.NewFolder();
        var settings = new Dictionary<string, string>
        {
            ["Dnd__Database__Provider"] = "postgres", ["Dnd__Database__ConnectionString"] = postgres.NewDatabase(),
            ["Dnd__Providers__Twilio__BaseUrl"] = twilio.BaseUrl, ["Dnd__Providers__Twilio__MessagingBaseUrl"] = twilio.BaseUrl,
            ["Dnd__Messaging__PollInterval"] = "00:00:00.100",
            // Short, so the survivor looks up the dead host's lost hand-overs and resumes its cut-off runs within the test.
            ["Dnd__Messaging__ClaimLease"] = "00:00:03",
            ["Dnd__Workflows__StalledAfter"] = "00:00:02",
        };
        var hosts = await StartTogetherAsync(settings, logs);
        var (doomed, survivor) = (hosts[0], hosts[1]);
        output.WriteLine($"hosts on ports {doomed.Port} (killed) and {survivor.Port}; logs {logs}");
        try
        {
            var account = await CreateAccountAsync(doomed);
            using var api = survivor.Client(account.ApiKey);
            // Connected through the survivor, used by both: its secrets are protected with the shared key ring.
            await Http.EnsureAsync(await api.PutAsJsonAsync("/locations/integrations/twilio",
                new { accountSid = "AC" + Guid.NewGuid().ToString("N"), authToken = account.TwilioToken, senderNumbers = new[] { "+15550009999" } }), 200);
            await Http.EnsureAsync(await api.PutAsJsonAsync("/workflows/remind", Definition("remind",
                [Activity("wait", "Delay", new { duration = "1" }), Activity("sms", "Send", new { channel = "SMS", body = "Reminder" })],
                [Connect("wait", "Done", "sms")])), 200);

            var stops = await CreateContactsAsync(doomed, account, 1, StopContacts);
            var enrolled = await CreateContactsAsync(survivor, account, 2, WorkflowContacts);
            var sent = await CreateContactsAsync(doomed, account, 3, SendContacts);
            var items = stops.Select(s => new Item(Kind.Stop, s)).Concat(enrolled.Select(s => new Item(Kind.Enrol, s)))
                .Concat(sent.Select(s => new Item(Kind.Send, s))).OrderBy(_ => Random.Shared.Next()).ToArray();

            var errors = await LoadAndKillAsync(doomed, survivor, account, items, killAfter: items.Length / 3);
            var cutOff = items.Where(i => i.Contact.Sent && i.Contact.Status == 0).ToList();
            output.WriteLine($"{items.Count(i => i.Contact.Answered2xx)} answered ({items.Count(i => i.Contact.Answered2xx && i.To == doomed)} by the killed host), " +
                             $"{cutOff.Count} cut off by the kill");
            errors.Should().BeEmpty("no request fails but those in flight to the killed host");
            items.Where(i => i.Contact.Sent && i.Contact.Status != 0 && !i.Contact.Answered2xx).Select(i => $"{i.Kind} {i.Contact.ContactId}: {i.Contact.Status}")
                .Should().BeEmpty("every answer is a 2xx");
            items.Should().OnlyContain(i => i.Contact.Sent, "the survivor took the rest of the load");

            // Twilio retries what got no answer: the survivor applies each cut-off STOP once.
            var stopItems = items.Where(i => i.Kind == Kind.Stop).Select(i => i.Contact).ToList();
            using (var http = survivor.Client())
            {
                foreach (var stop in cutOff.Where(i => i.Kind == Kind.Stop).Select(i => i.Contact))
                {
                    using var again = await PostStopAsync(http, account, stop);
                    again.StatusCode.Should().Be(HttpStatusCode.OK);
                }
            }
            var seen = await ReadAsync(survivor, account, stopItems);
            stopItems.Where(s => (s.Answered2xx || s.Status == 0) && seen[s.ContactId] is not { SmsStatus: "permanent", AppliedKeywordLines: 1 })
                .Select(s => $"{s.ContactId} ({(s.Answered2xx ? "answered" : "redelivered")}): {seen[s.ContactId]}")
                .Should().BeEmpty("every STOP a host answered, or the survivor took again, is applied exactly once");

            // Every enrolment a host answered runs to its end, each step once, whoever ran it (the survivor resumes the dead host's).
            foreach (var item in items.Where(i => i.Kind == Kind.Enrol))
            {
                var instances = (await Http.JsonAsync(await api.GetAsync($"/contacts/{item.Contact.ContactId}/workflows"))).GetProperty("instances");
                instances.GetArrayLength().Should().BeLessThanOrEqualTo(1, "an enrolment starts one instance");
                if (item.Contact.Answered2xx)
                {
                    instances.GetArrayLength().Should().Be(1, $"the answered enrolment of {item.Contact.ContactId} started its instance");
                }
                if (instances.GetArrayLength() == 1)
                {
                    var id = instances[0].GetProperty("instance").GetProperty("id").GetString()!;
                    var done = await Eventually.MatchAsync(async () => await Http.JsonAsync(await api.GetAsync($"/workflows/instances/{id}")),
                        i => Status(i) == "Finished", $"instance {id} to finish", 20_000);
                    Log(done).Select(l => (l.Activity, l.Outcome)).Should().Equal(("wait", "Suspended"), ("wait", "Done"), ("sms", "Done"));
                }
            }

            // The outbox of both hosts: every queued text reaches Twilio, none twice.
            var texted = items.Where(i => i.Kind != Kind.Stop).Select(i => i.Contact).ToList();
            await Eventually.MatchAsync(() => OutboundAsync(api, texted), all => all.All(m => m.Status is "sent"), "every text to be sent", 30_000);
            var outbound = await OutboundAsync(api, texted);
            outbound.GroupBy(m => m.ContactId).Where(g => g.Count() > 1).Select(g => g.Key).Should().BeEmpty("one text was queued per contact");
            texted.Where(c => c.Answered2xx).Select(c => c.ContactId).Except(outbound.Select(m => m.ContactId)).Should()
                .BeEmpty("each answered enrolment and send queued its text");
            var posts = twilio.Messages.GroupBy(m => m.To).ToDictionary(g => g.Key, g => g.Count());
            posts.Where(p => p.Value > 1).Select(p => $"{p.Key}: {p.Value} posts").Should().BeEmpty("no message is handed to Twilio twice");
            texted.Where(c => c.Answered2xx).Where(c => posts.GetValueOrDefault(c.Phone) != 1).Select(c => c.Phone).Should()
                .BeEmpty("each sent text reached Twilio once");
            output.WriteLine($"{twilio.Messages.Count} texts at Twilio; {clock.Elapsed.TotalSeconds:0.0} s in all");
        }
        catch
        {
            output.WriteLine("survivor log tail:\n" + survivor.Tail());
            throw;
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    /// <summary>Both at once on an empty database: both migrate it and make their Data Protection keys together.</summary>
    private static async Task<HostProcess[]> StartTogetherAsync(IReadOnlyDictionary<string, string> settings, string logs)
    {
        var starting = new[] { HostProcess.StartAsync(settings, logs), HostProcess.StartAsync(settings, logs) };
        try
        {
            return await Task.WhenAll(starting);
        }
        catch
        {
            // The one that did start must not outlive the test.
            foreach (var started in starting.Where(t => t.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }
            throw;
        }
    }

    /// <summary>
    /// Clients take the items in turn, alternating hosts; when the killAfter-th answer arrives the first host gets SIGKILL,
    /// and from then on every client sends to the survivor (as a load balancer takes a dead host out).
    /// </summary>
    /// <returns>Failures other than requests cut off by the kill.</returns>
    private static async Task<List<string>> LoadAndKillAsync(HostProcess doomed, HostProcess survivor, Account account, Item[] items, int killAfter)
    {
        var next = -1;
        var answered = 0;
        var killed = 0;
        var errors = new ConcurrentQueue<string>();
        using var toDoomed = doomed.Client(account.ApiKey, Clients);
        using var toSurvivor = survivor.Client(account.ApiKey, Clients);
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) is var i && i < items.Length)
            {
                var item = items[i];
                var alive = Volatile.Read(ref killed) == 0;
                item.To = alive && i % 2 == 0 ? doomed : survivor;
                var http = item.To == doomed ? toDoomed : toSurvivor;
                Volatile.Write(ref item.Contact.Sent, true);
                try
                {
                    using var response = await SendAsync(http, account, item);
                    Volatile.Write(ref item.Contact.Status, (int)response.StatusCode);
                    if (response.IsSuccessStatusCode && Interlocked.Increment(ref answered) == killAfter)
                    {
                        Volatile.Write(ref killed, 1);
                        doomed.Kill();
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    if (item.To != doomed || Volatile.Read(ref killed) == 0)
                    {
                        errors.Enqueue($"{item.Kind} {item.Contact.ContactId}: {e.Message}");
                    }
                }
            }
        })));
        await doomed.KillAsync();
        return [.. errors];
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, Account account, Item item) => item.Kind switch
    {
        Kind.Stop => PostStopAsync(http, account, item.Contact),
        Kind.Enrol => http.PostAsync($"/contacts/{item.Contact.ContactId}/workflow/remind", null),
        _ => http.PostAsJsonAsync("/conversations/messages", new { type = "SMS", contactId = item.Contact.ContactId, message = "Hello" }),
    };

    private sealed record Outbound(string ContactId, string Status);

    private static async Task<List<Outbound>> OutboundAsync(HttpClient api, IEnumerable<Stop> contacts)
    {
        var all = new ConcurrentBag<Outbound>();
        await Parallel.ForEachAsync(contacts, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (contact, ct) =>
        {
            var messages = (await Http.JsonAsync(await api.GetAsync($"/conversations/messages?contactId={contact.ContactId}", ct))).GetProperty("messages");
            foreach (var message in messages.EnumerateArray().Where(m => m.GetProperty("direction").GetString() == "outbound"))
            {
                all.Add(new Outbound(contact.ContactId, message.GetProperty("status").GetString()!));
            }
        });
        return [.. all];
    }
}
