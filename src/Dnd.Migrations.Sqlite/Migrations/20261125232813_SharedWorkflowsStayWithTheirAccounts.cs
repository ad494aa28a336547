using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dnd.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SharedWorkflowsStayWithTheirAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every account that existed before per-account workflows ran the shared definitions; each keeps them as its
            // own (every version, so its running instances find theirs), so nothing it ran stops on upgrade. Accounts made
            // later install templates. Its own migration: SQLite rebuilds the table for the key change at the end of that one.
            migrationBuilder.Sql("""
                INSERT INTO "WorkflowDefinitions" ("OwnerAccountId", "DefinitionId", "Version", "Name", "Json", "ContentHash", "IsLatest", "Source", "PublishedAt", "Unpublished", "DeletedAt")
                SELECT a."Id", d."DefinitionId", d."Version", d."Name", d."Json", d."ContentHash", d."IsLatest", d."Source", d."PublishedAt", d."Unpublished", d."DeletedAt"
                FROM "Accounts" a CROSS JOIN "WorkflowDefinitions" d
                WHERE d."OwnerAccountId" = '' AND NOT EXISTS (
                    SELECT 1 FROM "WorkflowDefinitions" o WHERE o."OwnerAccountId" = a."Id" AND o."DefinitionId" = d."DefinitionId");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The accounts' copies go; the shared rows they were copied from remain.
            migrationBuilder.Sql("""
                DELETE FROM "WorkflowDefinitions" WHERE "OwnerAccountId" <> '' AND EXISTS (
                    SELECT 1 FROM "WorkflowDefinitions" s WHERE s."OwnerAccountId" = '' AND s."DefinitionId" = "WorkflowDefinitions"."DefinitionId"
                    AND s."Version" = "WorkflowDefinitions"."Version" AND s."ContentHash" = "WorkflowDefinitions"."ContentHash");
                """);
        }
    }
}
