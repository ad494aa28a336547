using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Dnd.Crm.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Api.SmartLists;

/// <summary>
/// Conditions on custom fields, which a contact keeps as one JSON text column ([{"id", "value"}], the value a string,
/// a number, an array of strings or an object). EF has no LINQ for the inside of a JSON text column, so each test
/// is a subquery in the provider's own JSON functions (SQLite json_each, PostgreSQL jsonb_array_elements) over the
/// account's contacts, composed into the list's LINQ query as "Id IN (…)": the whole list is still one SQL
/// statement, and values are parameters. A value is its text (a number's as written); an array's options are
/// tested one by one; an object (a file) is only ever "not empty".
/// </summary>
internal static class CustomFieldSql
{
    public enum Test
    {
        /// <summary>The value, or one of its options, equals the text, ignoring case.</summary>
        Equals,

        /// <summary>The value, or one of its options, contains the text, ignoring case.</summary>
        Contains,

        /// <summary>The contact has the field with something in it: not blank, not an empty list.</summary>
        NotEmpty,
    }

    public static Expression<Func<ContactRecord, bool>> Matches(DbContext db, string accountId, string fieldId, Test test, string? text)
    {
        var entity = db.Model.FindEntityType(typeof(ContactRecord))!;
        var table = Quote(entity.GetTableName()!);
        string Column(string property) => Quote(entity.FindProperty(property)!.GetColumnName());
        var (id, account, json) = (Column(nameof(ContactRecord.Id)), Column(nameof(ContactRecord.AccountId)), Column(nameof(ContactRecord.CustomFieldsJson)));
        // {0} account, {1} field id, {2} the text: parameters. Braces meant for SQL are doubled.
        var sql = db.Database.IsNpgsql()
            ? $$"""
               SELECT cf_c.{{id}} AS "Value" FROM {{table}} AS cf_c CROSS JOIN LATERAL jsonb_array_elements(cf_c.{{json}}::jsonb) AS cf_f(e)
               WHERE cf_c.{{account}} = {0} AND cf_f.e ->> 'id' = {1} AND ({{PostgresTest(test)}})
               """
            : $$"""
               SELECT cf_c.{{id}} AS "Value" FROM {{table}} AS cf_c, json_each(cf_c.{{json}}) AS cf_f
               WHERE cf_c.{{account}} = {0} AND cf_f.type = 'object' AND json_extract(cf_f.value, '$.id') = {1} AND ({{SqliteTest(test)}})
               """;
        object[] arguments = test == Test.NotEmpty ? [accountId, fieldId] : [accountId, fieldId, text!];
        var ids = db.Database.SqlQuery<string>(FormattableStringFactory.Create(sql, arguments));
        return c => ids.Contains(c.Id);
    }

    private static string SqliteTest(Test test)
    {
        // The value's options: an array's elements, or the value itself when it is a string or a number.
        const string options = "SELECT 1 FROM json_each(cf_f.value, '$.value') AS cf_o WHERE json_type(cf_f.value, '$.value') <> 'object' AND cf_o.type IN ('text', 'integer', 'real')";
        return test switch
        {
            Test.Equals => $"EXISTS ({options} AND lower(cf_o.value) = lower({{2}}))",
            Test.Contains => $"EXISTS ({options} AND instr(lower(cf_o.value), lower({{2}})) > 0)",
            _ => $"json_type(cf_f.value, '$.value') = 'object' OR EXISTS ({options} AND trim(cf_o.value) <> '')",
        };
    }

    private static string PostgresTest(Test test)
    {
        const string options = "SELECT 1 FROM jsonb_array_elements(CASE jsonb_typeof(cf_f.e -> 'value') WHEN 'array' THEN cf_f.e -> 'value' " +
                               "ELSE jsonb_build_array(cf_f.e -> 'value') END) AS cf_o(v) WHERE jsonb_typeof(cf_o.v) IN ('string', 'number')";
        // cf_o.v #>> '{}' is the option's text (a string unquoted, a number as written).
        return test switch
        {
            Test.Equals => $"EXISTS ({options} AND lower(cf_o.v #>> '{{{{}}}}') = lower({{2}}))",
            Test.Contains => $"EXISTS ({options} AND strpos(lower(cf_o.v #>> '{{{{}}}}'), lower({{2}})) > 0)",
            _ => $"jsonb_typeof(cf_f.e -> 'value') = 'object' OR EXISTS ({options} AND btrim(cf_o.v #>> '{{{{}}}}') <> '')",
        };
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
