using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CollabHub.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class EmailOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "outbox_email",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    message_id = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    to_address = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    to_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    html_body = table.Column<string>(type: "text", nullable: false),
                    text_body = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_email", x => x.id);
                    table.CheckConstraint("ck_outbox_email_attempts", "attempts >= 0");
                    table.CheckConstraint("ck_outbox_email_expires_at", "expires_at > created_at");
                    table.CheckConstraint("ck_outbox_email_lease", "(status = 'sending') = (locked_until IS NOT NULL)");
                    table.CheckConstraint("ck_outbox_email_sent_at", "(status = 'sent') = (sent_at IS NOT NULL)");
                    table.CheckConstraint("ck_outbox_email_status", "status IN ('pending', 'sending', 'sent', 'dead')");
                    table.CheckConstraint("ck_outbox_email_to_address", "position('@' in to_address) > 1");
                });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_email_created_at",
                table: "outbox_email",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_email_due",
                table: "outbox_email",
                column: "next_attempt_at",
                filter: "status = 'pending'");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_email_expiry",
                table: "outbox_email",
                column: "expires_at",
                filter: "status IN ('pending', 'sending')");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_email_lease",
                table: "outbox_email",
                column: "locked_until",
                filter: "status = 'sending'");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_email_message_id",
                table: "outbox_email",
                column: "message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_email_status_created_at",
                table: "outbox_email",
                columns: new[] { "status", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "outbox_email");
        }
    }
}
