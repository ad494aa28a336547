using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dnd.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ErasedAddresses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccountSalts",
                columns: table => new
                {
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    Salt = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountSalts", x => x.AccountId);
                });

            migrationBuilder.CreateTable(
                name: "ErasedAddresses",
                columns: table => new
                {
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    Hash = table.Column<string>(type: "text", nullable: false),
                    StatesJson = table.Column<string>(type: "text", nullable: false),
                    LedgerSequence = table.Column<long>(type: "bigint", nullable: false),
                    ErasedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ErasedAddresses", x => new { x.AccountId, x.Hash });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccountSalts");

            migrationBuilder.DropTable(
                name: "ErasedAddresses");
        }
    }
}
