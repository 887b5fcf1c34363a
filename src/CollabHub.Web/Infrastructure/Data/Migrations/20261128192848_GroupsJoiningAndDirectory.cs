using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CollabHub.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class GroupsJoiningAndDirectory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "cover_version",
                table: "groups",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "group_covers",
                columns: table => new
                {
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    content_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    version = table.Column<Guid>(type: "uuid", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_group_covers", x => x.group_id);
                    table.CheckConstraint("ck_group_covers_content_type", "content_type = 'image/webp'");
                    table.CheckConstraint("ck_group_covers_size", "octet_length(content) BETWEEN 1 AND 1048576");
                    table.ForeignKey(
                        name: "fk_group_covers_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "group_invitations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    token_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    invited_by_id = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    answered_by_id = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_group_invitations", x => x.id);
                    table.CheckConstraint("ck_group_invitations_answered", "(status = 0) = (answered_at IS NULL)");
                    table.CheckConstraint("ck_group_invitations_email_not_blank", "btrim(email) <> ''");
                    table.CheckConstraint("ck_group_invitations_expiry", "expires_at > created_at");
                    table.CheckConstraint("ck_group_invitations_status", "status IN (0, 1, 2, 3)");
                    table.CheckConstraint("ck_group_invitations_token_hash", "octet_length(token_hash) = 32");
                    table.ForeignKey(
                        name: "fk_group_invitations_asp_net_users_answered_by_id",
                        column: x => x.answered_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_group_invitations_asp_net_users_invited_by_id",
                        column: x => x.invited_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_group_invitations_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "group_join_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    message = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    reply = table.Column<string>(type: "text", nullable: true),
                    decided_by_id = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_group_join_requests", x => x.id);
                    table.CheckConstraint("ck_group_join_requests_decided", "(status = 0) = (decided_at IS NULL)");
                    table.CheckConstraint("ck_group_join_requests_message_length", "char_length(message) <= 1000");
                    table.CheckConstraint("ck_group_join_requests_reply_length", "reply IS NULL OR char_length(reply) <= 1000");
                    table.CheckConstraint("ck_group_join_requests_status", "status IN (0, 1, 2, 3)");
                    table.ForeignKey(
                        name: "fk_group_join_requests_asp_net_users_decided_by_id",
                        column: x => x.decided_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_group_join_requests_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_group_join_requests_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "site_settings",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    value = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_by_id = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_site_settings", x => x.key);
                    table.ForeignKey(
                        name: "fk_site_settings_asp_net_users_updated_by_id",
                        column: x => x.updated_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_groups_member_count",
                table: "groups",
                column: "member_count");

            migrationBuilder.CreateIndex(
                name: "ix_groups_name",
                table: "groups",
                column: "name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_groups_summary",
                table: "groups",
                column: "summary")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.AddCheckConstraint(
                name: "ck_groups_hidden_by_invitation",
                table: "groups",
                sql: "visibility <> 2 OR join_policy = 2");

            migrationBuilder.CreateIndex(
                name: "ix_group_invitations_answered_by_id",
                table: "group_invitations",
                column: "answered_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_group_invitations_group_id_status",
                table: "group_invitations",
                columns: new[] { "group_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_group_invitations_invited_by_id",
                table: "group_invitations",
                column: "invited_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_group_invitations_token_hash",
                table: "group_invitations",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_group_join_requests_decided_by_id",
                table: "group_join_requests",
                column: "decided_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_group_join_requests_group_id_status_created_at",
                table: "group_join_requests",
                columns: new[] { "group_id", "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_group_join_requests_user_id",
                table: "group_join_requests",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ux_group_join_requests_pending",
                table: "group_join_requests",
                columns: new[] { "group_id", "user_id" },
                unique: true,
                filter: "status = 0");

            migrationBuilder.CreateIndex(
                name: "ix_site_settings_updated_by_id",
                table: "site_settings",
                column: "updated_by_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "group_covers");

            migrationBuilder.DropTable(
                name: "group_invitations");

            migrationBuilder.DropTable(
                name: "group_join_requests");

            migrationBuilder.DropTable(
                name: "site_settings");

            migrationBuilder.DropIndex(
                name: "ix_groups_member_count",
                table: "groups");

            migrationBuilder.DropIndex(
                name: "ix_groups_name",
                table: "groups");

            migrationBuilder.DropIndex(
                name: "ix_groups_summary",
                table: "groups");

            migrationBuilder.DropCheckConstraint(
                name: "ck_groups_hidden_by_invitation",
                table: "groups");

            migrationBuilder.DropColumn(
                name: "cover_version",
                table: "groups");
        }
    }
}
