using Dnd.Activities.Persistence;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Crm.Consent;
using Dnd.Crm.Persistence;
using Dnd.Workflows.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Tests.Perf;

/// <summary>
/// The write path's lookups, checked on SQLite's plan with no statistics (a new database, or one whose tables grew
/// after the last ANALYZE): each must seek its own index. Under load each of these was once a walk of a whole table —
/// cancelling a contact's queued messages and a workflow Send's hourly cap read every queued message through the
/// outbox's (Status, CreatedAt) index; ending an instance read every bookmark; the worker's passes read every
/// instance and trigger.
/// </summary>
public class WorkQueryPlanTests : IAsyncLifetime
{
    private readonly string _connectionString = $"Data Source={TempFiles.NewDatabase()}";
    private DndDbContext _db = null!;

    public async Task InitializeAsync()
    {
        // The schema the migrations make, indexes they add by SQL included (the outbox's expression index).
        _db = new DndDbContext(new DbContextOptionsBuilder<DndDbContext>()
            .UseSqlite(_connectionString, o => o.MigrationsAssembly(Dnd.Crm.Persistence.DatabaseProvider.SqliteMigrations)).Options);
        await _db.Database.MigrateAsync();
        await _db.Database.OpenConnectionAsync();
    }

    public async Task DisposeAsync()
    {
        await _db.Database.CloseConnectionAsync();
        await _db.DisposeAsync();
    }

    private async Task<string> PlanAsync(string sql, int parameters)
    {
        await using var command = (SqliteCommand)_db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            command.Parameters.AddWithValue("$p" + i, "x");
        }
        return await PlanAsync(command);
    }

    private async Task<string> PlanAsync<T>(IQueryable<T> query)
    {
        await using var command = query.CreateDbCommand();
        return await PlanAsync(command);
    }

    private static async Task<string> PlanAsync(System.Data.Common.DbCommand command)
    {
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }
        return string.Join(" | ", plan);
    }

    [Fact]
    public async Task Cancelling_queued_messages_on_an_opt_out_seeks_the_contacts_messages()
    {
        var plan = await PlanAsync(SqliteConsentRows.CancelQueuedSql, 7);

        plan.Should().Contain("IX_Messages_AccountId_ContactId_Channel_Status (AccountId=? AND ContactId=? AND Channel=? AND Status=?)");
    }

    [Fact]
    public async Task A_providers_report_finds_its_message_by_one_seek()
    {
        var byProviderId = await PlanAsync(SqliteConsentRows.ProviderReportedByProviderIdSql, 4);
        var byId = await PlanAsync(SqliteConsentRows.ProviderReportedByIdSql, 4);

        byProviderId.Should().Contain("IX_Messages_AccountId_ProviderMessageId (AccountId=? AND ProviderMessageId=?)");
        byId.Should().MatchRegex(@"SEARCH Messages USING INDEX \S+ \(Id=\?\)");
    }

    [Fact]
    public async Task The_same_through_EF_and_a_sends_hourly_cap_seek_the_contacts_messages()
    {
        var outbound = EfConsentRows.Outbound(_db.Messages, "acct", "contact", "sms");
        var queued = await PlanAsync(outbound.Where(m => m.Status == MessageStatus.Queued));
        var capped = await PlanAsync(outbound.Where(m => m.Status == MessageStatus.Queued || m.Status == MessageStatus.Sent).Select(m => m.CreatedAt));

        queued.Should().Contain("USING INDEX IX_Messages_AccountId_ContactId_Channel_Status");
        capped.Should().Contain("USING INDEX IX_Messages_AccountId_ContactId_Channel_Status");
    }

    [Fact]
    public async Task The_cap_with_the_time_in_SQL_would_take_the_outbox_index_which_is_why_it_is_compared_in_memory()
    {
        var since = DateTimeOffset.UtcNow.AddHours(-1);
        var plan = await PlanAsync(EfConsentRows.Outbound(_db.Messages, "acct", "contact", "sms")
            .Where(m => (m.Status == MessageStatus.Queued || m.Status == MessageStatus.Sent) && m.CreatedAt >= since));

        // If SQLite's planner ever stops doing this, the in-memory comparison can go back into SQL.
        plan.Should().Contain("IX_Messages_Status_CreatedAt");
    }

    [Fact]
    public async Task An_instances_bookmarks_the_worker_passes_and_the_oldest_triggers_use_indexes()
    {
        var before = DateTimeOffset.UtcNow;
        var bookmarks = await PlanAsync(_db.Bookmarks.Where(b => b.InstanceId == "i"));
        var stalled = await PlanAsync(_db.WorkflowInstances.Where(i => i.Status == WorkflowStatus.Running && i.UpdatedAt <= before)
            .OrderBy(i => i.UpdatedAt).Select(i => i.Id).Take(500));
        var triggers = await PlanAsync(_db.PendingTriggers.OrderBy(t => t.CreatedAt).Take(500));
        var replies = await PlanAsync(_db.Bookmarks.AwaitingReply("a", "c", "sms"));

        bookmarks.Should().Contain("USING INDEX IX_Bookmarks_InstanceId");
        stalled.Should().Contain("USING INDEX IX_WorkflowInstances_Status_UpdatedAt").And.NotContain("TEMP B-TREE");
        triggers.Should().Contain("IX_PendingTriggers_CreatedAt").And.NotContain("TEMP B-TREE");
        replies.Should().Contain("USING INDEX IX_Bookmarks_AccountId_ContactId_Kind");
    }

    [Fact]
    public async Task The_outboxs_due_messages_are_a_range_of_their_index_in_due_order()
    {
        var due = await PlanAsync(Dnd.Crm.Delivery.OutboxQueries.Due(_db, DateTimeOffset.UtcNow).Select(m => new { m.Id, m.AccountId }).Take(500));

        due.Should().Contain("USING INDEX IX_Messages_Status_Due").And.NotContain("TEMP B-TREE");
    }

    [Fact]
    public async Task An_accounts_jobs_page_walks_its_index_newest_first_without_sorting()
    {
        var first = await PlanAsync(Dnd.Crm.Jobs.JobQueue.Page(_db.Jobs, "a", last: null).Take(20));
        var last = new JobRecord { Id = "j", AccountId = "a", Kind = "bulk-dnd", ParametersJson = "{}", ActedBy = "x", CreatedAt = DateTimeOffset.UtcNow };
        var next = await PlanAsync(Dnd.Crm.Jobs.JobQueue.Page(_db.Jobs, "a", last).Take(20));

        first.Should().Contain("USING INDEX IX_Jobs_AccountId_CreatedAt_Id (AccountId=?)").And.NotContain("TEMP B-TREE");
        next.Should().Contain("USING INDEX IX_Jobs_AccountId_CreatedAt_Id (AccountId=?").And.NotContain("TEMP B-TREE");
    }

    [Fact]
    public async Task The_readiness_probes_lags_each_read_the_head_of_their_workers_index()
    {
        var now = DateTimeOffset.UtcNow;
        var outbox = await PlanAsync(Dnd.Host.Api.Health.ReadinessChecks.OldestDueMessage(_db, now));
        var triggers = await PlanAsync(Dnd.Host.Api.Health.ReadinessChecks.OldestPendingTrigger(_db));
        var timers = await PlanAsync(Dnd.Host.Api.Health.ReadinessChecks.OldestDueTimer(_db, now));
        var jobs = await PlanAsync(Dnd.Host.Api.Health.ReadinessChecks.OldestQueuedJob(_db));
        var webhooks = await PlanAsync(Dnd.Host.Api.Health.ReadinessChecks.OldestDueWebhook(_db, now));
        var removals = await PlanAsync(Dnd.Host.Api.Health.ReadinessChecks.OldestDueSuppressionRemoval(_db, now));

        // Scraped every few seconds: one seek each, never a scan nor a sort of a backlog.
        outbox.Should().Contain("INDEX IX_Messages_Status_Due").And.NotContain("TEMP B-TREE");
        triggers.Should().Contain("IX_PendingTriggers_CreatedAt").And.NotContain("TEMP B-TREE");
        timers.Should().Contain("INDEX IX_Bookmarks_DueAt").And.NotContain("TEMP B-TREE");
        jobs.Should().Contain("INDEX IX_Jobs_Status_CreatedAt").And.NotContain("TEMP B-TREE");
        // Walked from the head of the due range; a delivery waiting behind its contact's earlier one is skipped by one seek of the order index.
        webhooks.Should().Contain("INDEX IX_WebhookDeliveries_Status_NextAttemptAt").And.Contain("IX_WebhookDeliveries_SubscriptionId_Subject_Status_Id")
            .And.NotContain("TEMP B-TREE");
        removals.Should().Contain("INDEX IX_SuppressionRemovals_Status_NextAttemptAt").And.NotContain("TEMP B-TREE");
    }

    [Fact]
    public async Task A_workflows_instances_page_and_counts_read_a_range_of_its_index_without_sorting()
    {
        var page = await PlanAsync(_db.WorkflowInstances.Where(i => i.AccountId == "a" && i.DefinitionId == "w" && string.Compare(i.Id, "z") < 0)
            .OrderByDescending(i => i.Id).Take(26));
        var counts = await PlanAsync(_db.WorkflowInstances.Where(i => i.AccountId == "a").GroupBy(i => new { i.DefinitionId, i.Status })
            .Select(g => new { g.Key.DefinitionId, g.Key.Status, Count = g.Count() }));

        page.Should().Contain("USING INDEX IX_WorkflowInstances_AccountId_DefinitionId_Id").And.NotContain("TEMP B-TREE");
        counts.Should().Contain("USING INDEX IX_WorkflowInstances_AccountId_DefinitionId_Id");
    }

    [Fact]
    public async Task The_batch_writers_workflow_statements_seek_the_contacts_instances_and_an_instances_bookmarks()
    {
        var inDefinition = await PlanAsync(SqliteWorkflowRows.InDefinitionSql, 5);
        var live = await PlanAsync("SELECT \"Id\" FROM \"WorkflowInstances\" WHERE " + SqliteWorkflowRows.LiveInstancesWhere, 6);
        var bookmarks = await PlanAsync(SqliteWorkflowRows.DeleteBookmarksOfSql, 1);

        inDefinition.Should().Contain("USING INDEX IX_WorkflowInstances_AccountId_ContactId_Status");
        live.Should().Contain("USING INDEX IX_WorkflowInstances_AccountId_ContactId_Status");
        bookmarks.Should().Contain("USING INDEX IX_Bookmarks_InstanceId");
    }
}
