using System.Data.Common;
using Dnd.Host.Auth;

namespace Dnd.Host.Tests.Migrations;

/// <summary>
/// A database as the release before migrations left it: the schema its EnsureCreated made (PreviousSchema/*.sql,
/// saved from that release's model) and an account, two contacts, their ledger lines, a shared workflow definition (no owner, as
/// the workflows/ folder loaded them) and an instance of it with a log line written
/// with plain SQL, as that release would have stored them.
/// </summary>
public static class PreviousRelease
{
    public const string AccountId = "acct-legacy";
    public const string ApiKey = "legacy-api-key";
    public const string InstanceId = "wf-legacy-1";
    /// <summary>A definition the workflows/ folder loaded for every account (no owner), which the instance ran.</summary>
    public const string SharedDefinitionJson =
        """{"id":"welcome","name":"Welcome","activities":[{"id":"wait","type":"Delay","properties":{"duration":"60"}}],"connections":[]}""";

    public static readonly string[] ContactIds = ["c-legacy-1", "c-legacy-2"];

    public static string Schema(string provider) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Migrations", "PreviousSchema", provider + ".sql"));

    /// <param name="at">A timestamp as the provider stores it (SQLite: EF's binary ticks; PostgreSQL: timestamptz).</param>
    /// <param name="no">False as the provider stores it; <paramref name="yes"/> true.</param>
    public static string Data(string at, string no, string yes) => $$"""
        INSERT INTO "Accounts" ("Id", "Name", "SettingsJson") VALUES ('{{AccountId}}', 'Legacy', '{}');
        INSERT INTO "ApiKeys" ("KeyHash", "AccountId", "Name", "CreatedAt") VALUES ('{{ApiKeyHasher.Hash(ApiKey)}}', '{{AccountId}}', 'seed', {{at}});
        INSERT INTO "Contacts" ("Id", "AccountId", "FirstName", "Email", "Phone", "EmailKey", "PhoneKey", "TagsText", "CustomFieldsJson",
            "CreatedAt", "UpdatedAt", "DndCall", "DndEmail", "DndSms", "DndWhatsApp", "DndFb", "DndGmb", "DndDetailsJson", "InboundDnd",
            "LedgerSequence", "Revision")
        VALUES ('c-legacy-1', '{{AccountId}}', 'Ada', 'ada@example.com', '+15552000001', 'ada@example.com', '+15552000001', '|old|', '[]',
                {{at}}, {{at}}, 0, 0, 0, 0, 0, 0, '{}', {{no}}, 2, 3),
               ('c-legacy-2', '{{AccountId}}', 'Bob', 'bob@example.com', NULL, 'bob@example.com', NULL, '', '[]',
                {{at}}, {{at}}, 0, 0, 0, 0, 0, 0, '{}', {{no}}, 0, 1);
        INSERT INTO "Ledger" ("AccountId", "ContactId", "Sequence", "At", "Event", "Actor", "Channel", "Verdict", "Before", "After", "Rule", "Explanation")
        VALUES ('{{AccountId}}', 'c-legacy-1', 1, {{at}}, 'InboundMessage', 'contact', 'SMS', 'Applied', 'Inactive', 'Permanent', 'StopKeyword', 'Replied STOP'),
               ('{{AccountId}}', 'c-legacy-1', 2, {{at}}, 'UserChange', 'api', 'SMS', 'Applied', 'Permanent', 'Inactive', 'UserChange', 'Re-subscribed');
        INSERT INTO "WorkflowDefinitions" ("DefinitionId", "Version", "Name", "Json", "ContentHash", "OwnerAccountId", "IsLatest", "Source", "PublishedAt")
        VALUES ('welcome', 1, 'Welcome', '{{SharedDefinitionJson}}',
                'legacy-hash', NULL, {{yes}}, 'file:welcome.json', {{at}});
        INSERT INTO "WorkflowInstances" ("Id", "AccountId", "ContactId", "DefinitionId", "DefinitionVersion", "Status", "InputJson",
            "StepCount", "CreatedAt", "UpdatedAt", "Revision")
        VALUES ('{{InstanceId}}', '{{AccountId}}', 'c-legacy-1', 'welcome', 1, 'Finished', '{}', 3, {{at}}, {{at}}, 4);
        INSERT INTO "ExecutionLog" ("InstanceId", "Step", "ActivityId", "ActivityType", "Outcome", "Note", "At")
        VALUES ('{{InstanceId}}', 1, 'sms', 'Send', 'Done', 'sent', {{at}});
        """;

    public static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
