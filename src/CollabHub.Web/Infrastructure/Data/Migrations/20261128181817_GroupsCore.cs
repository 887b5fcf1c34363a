using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CollabHub.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class GroupsCore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_groups_visibility",
                table: "groups");

            migrationBuilder.AddColumn<string>(
                name: "created_by_id",
                table: "groups",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "join_policy",
                table: "groups",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_activity_at",
                table: "groups",
                type: "timestamp with time zone",
                nullable: false,
                defaultValueSql: "now()");

            migrationBuilder.AddColumn<int>(
                name: "member_count",
                table: "groups",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<List<string>>(
                name: "topics",
                table: "groups",
                type: "text[]",
                nullable: false);

            migrationBuilder.CreateTable(
                name: "group_bans",
                columns: table => new
                {
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    banned_by_id = table.Column<string>(type: "text", nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_group_bans", x => new { x.group_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_group_bans_asp_net_users_banned_by_id",
                        column: x => x.banned_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_group_bans_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_group_bans_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "group_memberships",
                columns: table => new
                {
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    role = table.Column<int>(type: "integer", nullable: false),
                    joined_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_group_memberships", x => new { x.group_id, x.user_id });
                    table.CheckConstraint("ck_group_memberships_role", "role IN (0, 1, 2)");
                    table.ForeignKey(
                        name: "fk_group_memberships_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_group_memberships_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_groups_created_by_id",
                table: "groups",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_groups_last_activity_at",
                table: "groups",
                column: "last_activity_at");

            migrationBuilder.CreateIndex(
                name: "ix_groups_topics",
                table: "groups",
                column: "topics")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.AddCheckConstraint(
                name: "ck_groups_description_length",
                table: "groups",
                sql: "char_length(description) <= 20000");

            migrationBuilder.AddCheckConstraint(
                name: "ck_groups_join_policy",
                table: "groups",
                sql: "join_policy IN (0, 1, 2)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_groups_member_count",
                table: "groups",
                sql: "member_count >= 0");

            migrationBuilder.AddCheckConstraint(
                name: "ck_groups_topics",
                table: "groups",
                sql: "cardinality(topics) <= 8");

            migrationBuilder.AddCheckConstraint(
                name: "ck_groups_visibility",
                table: "groups",
                sql: "visibility IN (0, 1, 2)");

            migrationBuilder.CreateIndex(
                name: "ix_group_bans_banned_by_id",
                table: "group_bans",
                column: "banned_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_group_bans_user_id",
                table: "group_bans",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_group_memberships_user_id",
                table: "group_memberships",
                column: "user_id");

            migrationBuilder.AddForeignKey(
                name: "fk_groups_asp_net_users_created_by_id",
                table: "groups",
                column: "created_by_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_groups_asp_net_users_created_by_id",
                table: "groups");

            migrationBuilder.DropTable(
                name: "group_bans");

            migrationBuilder.DropTable(
                name: "group_memberships");

            migrationBuilder.DropIndex(
                name: "ix_groups_created_by_id",
                table: "groups");

            migrationBuilder.DropIndex(
                name: "ix_groups_last_activity_at",
                table: "groups");

            migrationBuilder.DropIndex(
                name: "ix_groups_topics",
                table: "groups");

            migrationBuilder.DropCheckConstraint(
                name: "ck_groups_description_length",
                table: "groups");

            migrationBuilder.DropCheckConstraint(
                name: "ck_groups_join_policy",
                table: "groups");

            migrationBuilder.DropCheckConstraint(
                name: "ck_groups_member_count",
                table: "groups");

            migrationBuilder.DropCheckConstraint(
                name: "ck_groups_topics",
                table: "groups");

            migrationBuilder.DropCheckConstraint(
                name: "ck_groups_visibility",
                table: "groups");

            migrationBuilder.DropColumn(
                name: "created_by_id",
                table: "groups");

            migrationBuilder.DropColumn(
                name: "join_policy",
                table: "groups");

            migrationBuilder.DropColumn(
                name: "last_activity_at",
                table: "groups");

            migrationBuilder.DropColumn(
                name: "member_count",
                table: "groups");

            migrationBuilder.DropColumn(
                name: "topics",
                table: "groups");

            migrationBuilder.AddCheckConstraint(
                name: "ck_groups_visibility",
                table: "groups",
                sql: "visibility IN (0, 1)");
        }
    }
}
