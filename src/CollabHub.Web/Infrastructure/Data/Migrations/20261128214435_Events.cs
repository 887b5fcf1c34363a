using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CollabHub.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Events : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "event_calendar_feeds",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_event_calendar_feeds", x => x.user_id);
                    table.CheckConstraint("ck_event_calendar_feeds_hash", "token_hash ~ '^[0-9a-f]{64}$'");
                    table.ForeignKey(
                        name: "fk_event_calendar_feeds_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    title = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    description = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    time_zone_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    format = table.Column<int>(type: "integer", nullable: false),
                    venue = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    join_url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    capacity = table.Column<int>(type: "integer", nullable: true),
                    registration_opens_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    registration_closes_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    group_id = table.Column<Guid>(type: "uuid", nullable: true),
                    series_id = table.Column<Guid>(type: "uuid", nullable: true),
                    is_series = table.Column<bool>(type: "boolean", nullable: false),
                    topics = table.Column<List<string>>(type: "text[]", nullable: false, defaultValueSql: "'{}'::text[]"),
                    status = table.Column<int>(type: "integer", nullable: false),
                    created_by_id = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    confirmed_count = table.Column<int>(type: "integer", nullable: false),
                    waitlist_count = table.Column<int>(type: "integer", nullable: false),
                    last_ticket = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_events", x => x.id);
                    table.CheckConstraint("ck_events_capacity", "capacity IS NULL OR capacity BETWEEN 1 AND 100000");
                    table.CheckConstraint("ck_events_confirmed_count", "confirmed_count >= 0");
                    table.CheckConstraint("ck_events_confirmed_within_capacity", "capacity IS NULL OR confirmed_count <= capacity");
                    table.CheckConstraint("ck_events_ends_after_start", "ends_at > starts_at");
                    table.CheckConstraint("ck_events_format", "format IN (0, 1, 2)");
                    table.CheckConstraint("ck_events_registration_window", "registration_opens_at IS NULL OR registration_closes_at IS NULL OR registration_opens_at < registration_closes_at");
                    table.CheckConstraint("ck_events_series_not_nested", "NOT (is_series AND series_id IS NOT NULL)");
                    table.CheckConstraint("ck_events_slug_format", "slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'");
                    table.CheckConstraint("ck_events_status", "status IN (0, 1, 2)");
                    table.CheckConstraint("ck_events_title_not_blank", "btrim(title) <> ''");
                    table.CheckConstraint("ck_events_topics", "cardinality(topics) <= 8");
                    table.CheckConstraint("ck_events_waitlist_count", "waitlist_count >= 0");
                    table.ForeignKey(
                        name: "fk_events_asp_net_users_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_events_events_series_id",
                        column: x => x.series_id,
                        principalTable: "events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_events_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "outbox_email_attachments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    outbox_email_id = table.Column<long>(type: "bigint", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_email_attachments", x => x.id);
                    table.CheckConstraint("ck_outbox_email_attachments_file_name", "btrim(file_name) <> ''");
                    table.ForeignKey(
                        name: "fk_outbox_email_attachments_outbox_emails_outbox_email_id",
                        column: x => x.outbox_email_id,
                        principalTable: "outbox_email",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "event_registrations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    ticket = table.Column<long>(type: "bigint", nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    checked_in_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_event_registrations", x => x.id);
                    table.CheckConstraint("ck_event_registrations_cancelled_at", "(status = 2) = (cancelled_at IS NOT NULL)");
                    table.CheckConstraint("ck_event_registrations_check_in", "checked_in_at IS NULL OR status = 0");
                    table.CheckConstraint("ck_event_registrations_confirmed_at", "(status = 0) = (confirmed_at IS NOT NULL)");
                    table.CheckConstraint("ck_event_registrations_status", "status IN (0, 1, 2)");
                    table.ForeignKey(
                        name: "fk_event_registrations_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_event_registrations_events_event_id",
                        column: x => x.event_id,
                        principalTable: "events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "event_reminders_sent",
                columns: table => new
                {
                    registration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_event_reminders_sent", x => new { x.registration_id, x.kind });
                    table.CheckConstraint("ck_event_reminders_sent_kind", "kind IN (0, 1)");
                    table.ForeignKey(
                        name: "fk_event_reminders_sent_event_registrations_registration_id",
                        column: x => x.registration_id,
                        principalTable: "event_registrations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_event_calendar_feeds_token_hash",
                table: "event_calendar_feeds",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_event_registrations_event_id_ticket",
                table: "event_registrations",
                columns: new[] { "event_id", "ticket" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_event_registrations_event_id_user_id",
                table: "event_registrations",
                columns: new[] { "event_id", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_event_registrations_user_id_status",
                table: "event_registrations",
                columns: new[] { "user_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_events_created_by_id",
                table: "events",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_events_group_id",
                table: "events",
                column: "group_id");

            migrationBuilder.CreateIndex(
                name: "ix_events_series_id",
                table: "events",
                column: "series_id");

            migrationBuilder.CreateIndex(
                name: "ix_events_slug",
                table: "events",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_events_status_starts_at",
                table: "events",
                columns: new[] { "status", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_events_topics",
                table: "events",
                column: "topics")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_email_attachments_outbox_email_id",
                table: "outbox_email_attachments",
                column: "outbox_email_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "event_calendar_feeds");

            migrationBuilder.DropTable(
                name: "event_reminders_sent");

            migrationBuilder.DropTable(
                name: "outbox_email_attachments");

            migrationBuilder.DropTable(
                name: "event_registrations");

            migrationBuilder.DropTable(
                name: "events");
        }
    }
}
