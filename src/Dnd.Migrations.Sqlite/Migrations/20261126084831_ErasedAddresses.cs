using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dnd.Migrations.Sqlite.Migrations
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
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    Salt = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountSalts", x => x.AccountId);
                });

            migrationBuilder.CreateTable(
                name: "ErasedAddresses",
                columns: table => new
                {
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", nullable: false),
                    StatesJson = table.Column<string>(type: "TEXT", nullable: false),
                    LedgerSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    ErasedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
