using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CollabHub.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Membership : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_sign_in_at",
                table: "users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "suspended_at",
                table: "users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "suspension_reason",
                table: "users",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    actor_user_id = table.Column<string>(type: "text", nullable: true),
                    actor_display = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    subject_user_id = table.Column<string>(type: "text", nullable: true),
                    subject_display = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    details = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_log", x => x.id);
                    table.CheckConstraint("ck_audit_log_action_format", "action ~ '^[a-z]+(\\.[a-z_]+)+$'");
                    table.CheckConstraint("ck_audit_log_actor_display_not_blank", "btrim(actor_display) <> ''");
                    table.ForeignKey(
                        name: "fk_audit_log_asp_net_users_actor_user_id",
                        column: x => x.actor_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_audit_log_asp_net_users_subject_user_id",
                        column: x => x.subject_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "member_avatars",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    content_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    version = table.Column<Guid>(type: "uuid", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_member_avatars", x => x.user_id);
                    table.CheckConstraint("ck_member_avatars_content_type", "content_type IN ('image/webp', 'image/jpeg', 'image/png')");
                    table.CheckConstraint("ck_member_avatars_size", "octet_length(content) BETWEEN 1 AND 524288");
                    table.ForeignKey(
                        name: "fk_member_avatars_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "member_profiles",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    organisation_code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    organisation_other = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    duty_station = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    job_title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    bio = table.Column<string>(type: "text", nullable: false),
                    expertise = table.Column<List<string>>(type: "text[]", nullable: false),
                    languages = table.Column<List<string>>(type: "text[]", nullable: false),
                    time_zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    search_text = table.Column<string>(type: "text", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_member_profiles", x => x.user_id);
                    table.CheckConstraint("ck_member_profiles_bio_length", "char_length(bio) <= 2000");
                    table.CheckConstraint("ck_member_profiles_expertise_count", "cardinality(expertise) <= 10");
                    table.CheckConstraint("ck_member_profiles_languages_count", "cardinality(languages) <= 12");
                    table.CheckConstraint("ck_member_profiles_organisation_other", "(organisation_code IS NOT DISTINCT FROM 'OTHER') = (organisation_other IS NOT NULL AND btrim(organisation_other) <> '')");
                    table.ForeignKey(
                        name: "fk_member_profiles_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                name: "ix_users_display_name",
                table: "users",
                column: "display_name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.AddCheckConstraint(
                name: "ck_users_suspension_reason_not_blank",
                table: "users",
                sql: "suspension_reason IS NULL OR btrim(suspension_reason) <> ''");

            migrationBuilder.AddCheckConstraint(
                name: "ck_users_suspension_reason_with_date",
                table: "users",
                sql: "(suspended_at IS NULL) = (suspension_reason IS NULL)");

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_action_occurred_at",
                table: "audit_log",
                columns: new[] { "action", "occurred_at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_actor_user_id",
                table: "audit_log",
                column: "actor_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_occurred_at",
                table: "audit_log",
                column: "occurred_at",
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_subject_user_id_occurred_at",
                table: "audit_log",
                columns: new[] { "subject_user_id", "occurred_at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_member_profiles_organisation_code",
                table: "member_profiles",
                column: "organisation_code");

            migrationBuilder.CreateIndex(
                name: "ix_member_profiles_search_text",
                table: "member_profiles",
                column: "search_text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

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
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "member_avatars");

            migrationBuilder.DropTable(
                name: "member_profiles");

            migrationBuilder.DropTable(
                name: "outbox_email");

            migrationBuilder.DropIndex(
                name: "ix_users_display_name",
                table: "users");

            migrationBuilder.DropCheckConstraint(
                name: "ck_users_suspension_reason_not_blank",
                table: "users");

            migrationBuilder.DropCheckConstraint(
                name: "ck_users_suspension_reason_with_date",
                table: "users");

            migrationBuilder.DropColumn(
                name: "last_sign_in_at",
                table: "users");

            migrationBuilder.DropColumn(
                name: "suspended_at",
                table: "users");

            migrationBuilder.DropColumn(
                name: "suspension_reason",
                table: "users");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
