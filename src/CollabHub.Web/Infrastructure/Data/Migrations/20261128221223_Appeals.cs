using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CollabHub.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Appeals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "appeals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    slug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    call = table.Column<string>(type: "text", nullable: false),
                    issued_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    why_it_matters = table.Column<string>(type: "text", nullable: false),
                    commitment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    related_links = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: true),
                    goal = table.Column<int>(type: "integer", nullable: true),
                    group_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    created_by_id = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_appeals", x => x.id);
                    table.CheckConstraint("ck_appeals_dates", "ends_on IS NULL OR ends_on >= starts_on");
                    table.CheckConstraint("ck_appeals_goal", "goal IS NULL OR goal > 0");
                    table.CheckConstraint("ck_appeals_slug_format", "slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'");
                    table.CheckConstraint("ck_appeals_status", "status IN (0, 1, 2)");
                    table.CheckConstraint("ck_appeals_text_length", "char_length(call) <= 20000 AND char_length(why_it_matters) <= 20000");
                    table.CheckConstraint("ck_appeals_title_not_blank", "btrim(title) <> ''");
                    table.ForeignKey(
                        name: "fk_appeals_asp_net_users_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_appeals_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "appeal_endorsements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    appeal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    user_id = table.Column<string>(type: "text", nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    listed = table.Column<bool>(type: "boolean", nullable: false),
                    organisation_type = table.Column<int>(type: "integer", nullable: true),
                    country_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    reference = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    confirmation_hash = table.Column<byte[]>(type: "bytea", nullable: true),
                    confirmation_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    withdraw_hash = table.Column<byte[]>(type: "bytea", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    confirmed_by_id = table.Column<string>(type: "text", nullable: true),
                    email_key = table.Column<string>(type: "text", nullable: true, computedColumnSql: "lower(email)", stored: true),
                    name_key = table.Column<string>(type: "text", nullable: true, computedColumnSql: "lower(btrim(name))", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_appeal_endorsements", x => x.id);
                    table.CheckConstraint("ck_appeal_endorsements_capacity", "capacity IN (0, 1, 2)");
                    table.CheckConstraint("ck_appeal_endorsements_country_code", "country_code IS NULL OR country_code ~ '^[A-Z]{2}$'");
                    table.CheckConstraint("ck_appeal_endorsements_individual", "capacity <> 0 OR ((user_id IS NULL) <> (email IS NULL))");
                    table.CheckConstraint("ck_appeal_endorsements_organisation", "capacity <> 1 OR (organisation_type IN (0, 1, 2, 3, 4) AND country_code IS NOT NULL AND btrim(name) <> '')");
                    table.CheckConstraint("ck_appeal_endorsements_state", "capacity <> 2 OR (status = 1 AND country_code IS NOT NULL AND reference IS NOT NULL AND btrim(reference) <> '')");
                    table.CheckConstraint("ck_appeal_endorsements_status", "status IN (0, 1)");
                    table.CheckConstraint("ck_appeal_endorsements_visitor_name", "email IS NULL OR btrim(name) <> ''");
                    table.ForeignKey(
                        name: "fk_appeal_endorsements_appeals_appeal_id",
                        column: x => x.appeal_id,
                        principalTable: "appeals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_appeal_endorsements_asp_net_users_confirmed_by_id",
                        column: x => x.confirmed_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_appeal_endorsements_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_appeal_endorsements_appeal_id_capacity_status",
                table: "appeal_endorsements",
                columns: new[] { "appeal_id", "capacity", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_appeal_endorsements_appeal_id_country_code",
                table: "appeal_endorsements",
                columns: new[] { "appeal_id", "country_code" },
                unique: true,
                filter: "capacity = 2");

            migrationBuilder.CreateIndex(
                name: "ix_appeal_endorsements_appeal_id_user_id",
                table: "appeal_endorsements",
                columns: new[] { "appeal_id", "user_id" },
                unique: true,
                filter: "capacity = 0 AND user_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_appeal_endorsements_confirmation_hash",
                table: "appeal_endorsements",
                column: "confirmation_hash",
                unique: true,
                filter: "confirmation_hash IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_appeal_endorsements_confirmed_by_id",
                table: "appeal_endorsements",
                column: "confirmed_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_appeal_endorsements_user_id",
                table: "appeal_endorsements",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_appeal_endorsements_withdraw_hash",
                table: "appeal_endorsements",
                column: "withdraw_hash",
                unique: true,
                filter: "withdraw_hash IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ux_appeal_endorsements_organisation",
                table: "appeal_endorsements",
                columns: new[] { "appeal_id", "name_key", "country_code" },
                unique: true,
                filter: "capacity = 1");

            migrationBuilder.CreateIndex(
                name: "ux_appeal_endorsements_visitor",
                table: "appeal_endorsements",
                columns: new[] { "appeal_id", "email_key" },
                unique: true,
                filter: "capacity = 0 AND email IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_appeals_created_by_id",
                table: "appeals",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_appeals_group_id",
                table: "appeals",
                column: "group_id");

            migrationBuilder.CreateIndex(
                name: "ix_appeals_slug",
                table: "appeals",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_appeals_status_starts_on",
                table: "appeals",
                columns: new[] { "status", "starts_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "appeal_endorsements");

            migrationBuilder.DropTable(
                name: "appeals");
        }
    }
}
