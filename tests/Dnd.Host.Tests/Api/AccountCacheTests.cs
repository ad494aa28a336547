using System.Diagnostics;
using System.Net.Http.Json;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Shared.Caching;
using Dnd.Crm.Consent;

namespace Dnd.Host.Tests.Api;

/// <summary>
/// API keys, webhook accounts and account settings are cached per server process: a change applies at once in the
/// process that made it, and within <see cref="AccountCache.TimeToLive"/> in another process on the same database.
/// </summary>
public class AccountCacheTests
{
    private static async Task<string> RegionAsync(TestAccount account) =>
        (await Http.JsonAsync(await account.Client.GetAsync("/locations/dnd-settings/"))).GetProperty("defaultRegion").GetString()!;

    [Fact]
    public async Task A_settings_change_applies_at_once_on_its_server_and_within_the_cache_lifetime_on_another()
    {
        var database = TempFiles.NewDatabase();
        await using var one = new DndApp(database);
        await using var two = new DndApp(database);
        var account = await TestAccount.CreateAsync(one);
        var onTwo = account.On(two);
        (await RegionAsync(onTwo)).Should().Be("US", "the second server has read, and cached, the defaults");
        (await RegionAsync(account)).Should().Be("US");

        var changed = Stopwatch.StartNew();
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync("/locations/dnd-settings/", new { defaultRegion = "GB" }), 200);

        (await RegionAsync(account)).Should().Be("GB", "the server that wrote the change dropped its copy");
        // A phone without a country code is read in the new region at once as well.
        (await account.CreateContactAsync(new { phone = "020 7946 0018" })).GetProperty("phone").GetString().Should().Be("+442079460018");
        await Eventually.MatchAsync(() => RegionAsync(onTwo), r => r == "GB", "the other server to see the new region",
            timeoutMs: (int)(AccountCache.TimeToLive + TimeSpan.FromSeconds(5)).TotalMilliseconds);
        changed.Elapsed.Should().BeLessThan(AccountCache.TimeToLive + TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task A_webhook_for_an_account_created_after_a_miss_is_accepted()
    {
        await using var app = new DndApp();
        var id = "acct-" + Guid.NewGuid().ToString("N")[..10];
        var admin = app.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Admin-Key", DndApp.AdminKey);
        var unknown = await app.CreateClient().PostAsync($"/webhooks/mailgun/{id}", JsonContent.Create(new { }));
        await Http.ProblemAsync(unknown, 404);

        await Http.EnsureAsync(await admin.PostAsJsonAsync("/admin/accounts", new { id, name = id, mailgunSigningKey = "mailgun-" + id }), 201);

        var known = await app.CreateClient().PostAsync($"/webhooks/mailgun/{id}", JsonContent.Create(new { }));
        ((int)known.StatusCode).Should().NotBe(404, "a miss is not remembered");
    }

    [Fact]
    public async Task A_load_that_races_an_invalidation_is_not_kept()
    {
        var cache = new ExpiringCache<string, string>(capacity: 10, TimeSpan.FromMinutes(1));
        var loading = new TaskCompletionSource();
        var release = new TaskCompletionSource<string?>();

        var stale = cache.GetOrLoadAsync("a", 0, (_, _, _) => { loading.SetResult(); return release.Task; }, CancellationToken.None).AsTask();
        await loading.Task;
        cache.Invalidate("a");
        release.SetResult("old");

        (await stale).Should().Be("old", "the caller still gets what it read");
        (await cache.GetOrLoadAsync("a", 0, (_, _, _) => Task.FromResult<string?>("new"), CancellationToken.None)).Should().Be("new", "the old value was not kept");
        (await cache.GetOrLoadAsync("a", 0, (_, _, _) => Task.FromResult<string?>("newer"), CancellationToken.None)).Should().Be("new", "the new value was");
    }

    [Fact]
    public async Task Misses_are_not_kept_and_the_count_stays_bounded()
    {
        var cache = new ExpiringCache<string, string>(capacity: 3, TimeSpan.FromMinutes(1));
        var loads = 0;
        Task<string?> Load(string key, int _, CancellationToken __)
        {
            Interlocked.Increment(ref loads);
            return Task.FromResult<string?>(key == "missing" ? null : key.ToUpperInvariant());
        }

        await cache.GetOrLoadAsync("missing", 0, Load, CancellationToken.None);
        await cache.GetOrLoadAsync("missing", 0, Load, CancellationToken.None);
        loads.Should().Be(2);

        foreach (var key in new[] { "a", "b", "c", "d", "a", "d" })
        {
            await cache.GetOrLoadAsync(key, 0, Load, CancellationToken.None);
        }
        // a, b, c filled it; d found it full of fresh copies and started over; a came back; d was still there.
        loads.Should().Be(2 + 5);
    }
}
