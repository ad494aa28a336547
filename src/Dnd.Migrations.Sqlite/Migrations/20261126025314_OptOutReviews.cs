using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dnd.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OptOutReviews : Migration
    {
        /// <inheritdoc />
        // Messages already queued are marketing unless said otherwise, as new ones are.
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "NotAfter",
                table: "Messages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Purpose",
                table: "Messages",
                type: "TEXT",
                nullable: false,
                defaultValue: "marketing");

            migrationBuilder.AddColumn<string>(
                name: "ReviewHolds",
                table: "Contacts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OptOutReviews",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    ContactId = table.Column<string>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", nullable: true),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Deadline = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    HandledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    HandledBy = table.Column<string>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", nullable: true),
                    FlaggedSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    HandledSequence = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OptOutReviews", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OptOutReviews_AccountId_ContactId_Channel_Status",
                table: "OptOutReviews",
                columns: new[] { "AccountId", "ContactId", "Channel", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_OptOutReviews_AccountId_Status_Deadline",
                table: "OptOutReviews",
                columns: new[] { "AccountId", "Status", "Deadline" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OptOutReviews");

            migrationBuilder.DropColumn(
                name: "NotAfter",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "Purpose",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "ReviewHolds",
                table: "Contacts");
        }
    }
}
