using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dnd.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OptOutReviews : Migration
    {
        /// <inheritdoc />
        // Messages already queued are marketing unless said otherwise, as new ones are.
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "NotAfter",
                table: "Messages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Purpose",
                table: "Messages",
                type: "text",
                nullable: false,
                defaultValue: "marketing");

            migrationBuilder.AddColumn<string>(
                name: "ReviewHolds",
                table: "Contacts",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OptOutReviews",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    ContactId = table.Column<string>(type: "text", nullable: false),
                    Channel = table.Column<string>(type: "text", nullable: false),
                    MessageId = table.Column<string>(type: "text", nullable: true),
                    Body = table.Column<string>(type: "text", nullable: false),
                    Rule = table.Column<string>(type: "text", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    HandledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    HandledBy = table.Column<string>(type: "text", nullable: true),
                    Note = table.Column<string>(type: "text", nullable: true),
                    FlaggedSequence = table.Column<long>(type: "bigint", nullable: false),
                    HandledSequence = table.Column<long>(type: "bigint", nullable: true)
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
