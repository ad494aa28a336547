using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dnd.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MetaContactScopedIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContactScopedIds",
                columns: table => new
                {
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    Platform = table.Column<string>(type: "text", nullable: false),
                    ScopedId = table.Column<string>(type: "text", nullable: false),
                    ContactId = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactScopedIds", x => new { x.AccountId, x.Platform, x.ScopedId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContactScopedIds_AccountId_ContactId",
                table: "ContactScopedIds",
                columns: new[] { "AccountId", "ContactId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContactScopedIds");
        }
    }
}
