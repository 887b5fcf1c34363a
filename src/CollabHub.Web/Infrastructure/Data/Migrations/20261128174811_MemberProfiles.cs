using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CollabHub.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class MemberProfiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

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

            migrationBuilder.CreateIndex(
                name: "ix_users_display_name",
                table: "users",
                column: "display_name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "member_avatars");

            migrationBuilder.DropTable(
                name: "member_profiles");

            migrationBuilder.DropIndex(
                name: "ix_users_display_name",
                table: "users");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
