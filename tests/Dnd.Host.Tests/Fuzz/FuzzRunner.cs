using System.Diagnostics;
using System.Text.Json;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Crm.Messaging;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Host.Tests.Fuzz;

/// <summary>
/// Runs the cases one after another against one server and checks each: the server's state carries over, so a
/// later case meets what an earlier one created. Case i is drawn from its own seed (run seed, i), so a run is
/// reproducible from the seed alone.
/// </summary>
public sealed class FuzzRunner(FuzzSettings settings, Action<string> log)
{
    /// <summary>Per-request limit: a request that takes longer is reported, not waited on for ever.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public async Task<(FailureLog Failures, string Report)> RunAsync()
    {
        var errors = new ServerErrors();
        await using var app = FuzzApp.Create(errors);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.Timeout = RequestTimeout;
        FuzzApp.EnsureQuiet(app);

        var document = await OpenApiDocument.LoadAsync(client);
        var operations = document.Operations();
        var home = await FuzzSeed.AccountAsync(app);
        var other = await FuzzSeed.AccountAsync(app);
        var tokens = app.Services.GetRequiredService<UnsubscribeTokens>();
        var world = new World(home, other, await FuzzSeed.PaletteAsync(app, home),
            (accountId, contactId) => tokens.Create(new UnsubscribeClaim(accountId, contactId, "fuzz")));
        var harvester = new Harvester(operations);
        await FuzzSeed.PopulateAsync(app, world, harvester, home);
        await FuzzSeed.PopulateAsync(app, world, harvester, other);
        var workflows = new WorkflowGen(world.Palette);
        var generator = new RequestGen(operations, new ApiGen(new SchemaGen(document, workflows), workflows));
        var sweep = Sweep.Plan(document, operations, world.Palette);
        log($"Fuzzing {operations.Count} operations from /openapi/v1.json with {settings.Cases} cases, up to {sweep.Count} of them " +
            $"planned single-field faults. Replay: {settings.Replay}");

        using var digest = new DatabaseDigest(app.DatabasePath);
        var failures = new FailureLog(settings);
        var stats = new FuzzStats();
        await using var trace = settings.TracePath is null ? null : new StreamWriter(settings.TracePath);
        errors.Drain();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < settings.Cases; i++)
        {
            var started = clock.Elapsed;
            // Two cases in five come from the sweep while it lasts (all of it within the default budget); the rest are random.
            var slot = i / 5 * 2 + (i % 5 == 3 ? 1 : 0);
            var gen = i % 5 is 1 or 3 && slot < sweep.Count ? generator.Planned(i, world, sweep[slot]) : generator.Case(i, world);
            var request = G.One(gen, CaseSeed(settings.Seed, i), Size(i));
            stats.Generating += clock.Elapsed - started;
            var outcome = await SendAsync(client, request, digest, errors, stats);
            stats.Add(request, outcome);
            if (trace is not null)
            {
                await trace.WriteAsync($"#{i} → {outcome.Status} {FailureLog.Start(outcome.Body, 160)}\n{request.Describe(200)}\n");
            }
            foreach (var (kind, signature) in CaseChecks.Violations(outcome, HtmlPageAllowed(operations, request, outcome.Status)))
            {
                failures.Record(i, request, outcome, kind, signature);
            }
            if (outcome.Status is >= 200 and < 300 && request.Account is { } account)
            {
                Learn(world, harvester, account, request, outcome);
            }
        }
        clock.Stop();
        log(stats.Report(clock.Elapsed));
        return (failures, failures.Report(settings.Cases, clock.Elapsed));
    }

    /// <summary>A browser's request (Accept naming text/html) to an operation that declares an HTML page for the status.</summary>
    private static bool HtmlPageAllowed(IReadOnlyList<ApiOperation> operations, FuzzRequest request, int status) =>
        request.Headers.Any(h => h.Name.Equals("Accept", StringComparison.OrdinalIgnoreCase) && h.Value.Contains("text/html", StringComparison.OrdinalIgnoreCase))
        && operations.Any(o => o.Method == request.Method && o.Route == request.Route && o.HtmlStatuses?.Contains(status) == true);

    private static async Task<CaseOutcome> SendAsync(HttpClient client, FuzzRequest request, DatabaseDigest digest, ServerErrors errors, FuzzStats stats)
    {
        HttpRequestMessage message;
        try
        {
            message = request.ToMessage();
        }
        catch (Exception e) when (e is UriFormatException or FormatException or ArgumentException or InvalidOperationException)
        {
            // Not sendable over HTTP at all (e.g. a URL past Uri's length limit): nothing reached the server.
            return new CaseOutcome(0, null, [], null, [], []);
        }
        var watch = Stopwatch.StartNew();
        var before = digest.Current();
        stats.Digesting += watch.Elapsed;
        watch.Restart();
        int status;
        string? contentType;
        string? location = null;
        byte[] body;
        Exception? thrown = null;
        try
        {
            using var response = await client.SendAsync(message);
            status = (int)response.StatusCode;
            contentType = response.Content.Headers.ContentType?.ToString();
            location = response.Headers.Location?.ToString();
            body = await response.Content.ReadAsByteArrayAsync();
        }
        catch (Exception e)
        {
            (status, contentType, body, thrown) = (0, null, [], e);
        }
        finally
        {
            message.Dispose();
        }
        stats.Sending += watch.Elapsed;
        watch.Restart();
        var after = digest.Current();
        stats.Digesting += watch.Elapsed;
        var changed = status is >= 400 and < 500 ? DatabaseDigest.Changed(before, after) : [];
        return new CaseOutcome(status, contentType, body, thrown, errors.Drain(), changed) { Location = location };
    }

    private static void Learn(World world, Harvester harvester, FuzzAccount account, FuzzRequest request, CaseOutcome outcome)
    {
        foreach (var (pool, value) in request.Remember)
        {
            world.Add(account, pool, value);
        }
        JsonElement? json = null;
        if (outcome.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true && outcome.Body.Length is > 0 and < 1 << 20)
        {
            try
            {
                using var doc = JsonDocument.Parse(outcome.Body);
                json = doc.RootElement.Clone();
            }
            catch (JsonException)
            {
            }
        }
        harvester.Learn(world, account, request.Path, outcome.Location, json);
    }

    /// <summary>FsCheck's size cycles from small to large, so every stretch of the run has both.</summary>
    private static int Size(int index) => 5 + index % 60;

    /// <summary>SplitMix64 of (run seed, case index): neighbouring cases get unrelated streams.</summary>
    public static ulong CaseSeed(ulong seed, int index)
    {
        var z = seed + 0x9E3779B97F4A7C15UL * (ulong)(index + 1);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
