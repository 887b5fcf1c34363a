using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace CollabHub.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Library : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "library_collections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    slug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    title = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    is_featured = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_library_collections", x => x.id);
                    table.CheckConstraint("ck_library_collections_slug_format", "slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'");
                    table.CheckConstraint("ck_library_collections_title_not_blank", "btrim(title) <> ''");
                });

            migrationBuilder.CreateTable(
                name: "library_resources",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    slug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    summary = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    description = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    entity = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    authors = table.Column<List<string>>(type: "text[]", nullable: false),
                    published_on = table.Column<DateOnly>(type: "date", nullable: true),
                    languages = table.Column<List<string>>(type: "text[]", nullable: false),
                    topics = table.Column<List<string>>(type: "text[]", nullable: false),
                    sdgs = table.Column<List<int>>(type: "integer[]", nullable: false),
                    licence = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    link_url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    group_id = table.Column<Guid>(type: "uuid", nullable: true),
                    submitter_id = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    moderator_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    is_featured = table.Column<bool>(type: "boolean", nullable: false),
                    search_config = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    file_text = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    download_count = table.Column<int>(type: "integer", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, defaultValueSql: "''::tsvector")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_library_resources", x => x.id);
                    table.CheckConstraint("ck_library_resources_download_count", "download_count >= 0");
                    table.CheckConstraint("ck_library_resources_featured_approved", "NOT is_featured OR status = 'Approved'");
                    table.CheckConstraint("ck_library_resources_link", "link_url IS NULL OR link_url ~ '^https?://'");
                    table.CheckConstraint("ck_library_resources_sdgs", "sdgs <@ ARRAY[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17]");
                    table.CheckConstraint("ck_library_resources_search_config", "search_config IN ('arabic', 'simple', 'english', 'french', 'russian', 'spanish', 'german', 'italian', 'portuguese', 'turkish')");
                    table.CheckConstraint("ck_library_resources_summary_not_blank", "btrim(summary) <> ''");
                    table.CheckConstraint("ck_library_resources_title_not_blank", "btrim(title) <> ''");
                    table.CheckConstraint("ck_library_resources_topics", "cardinality(topics) <= 8");
                    table.ForeignKey(
                        name: "fk_library_resources_asp_net_users_submitter_id",
                        column: x => x.submitter_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_library_resources_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "library_stored_files",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    content_type = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    storage_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    extraction = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    extracted_text = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: true),
                    claimed_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_library_stored_files", x => x.id);
                    table.CheckConstraint("ck_library_stored_files_sha256", "sha256 ~ '^[0-9a-f]{64}$'");
                    table.CheckConstraint("ck_library_stored_files_size", "size > 0");
                });

            migrationBuilder.CreateTable(
                name: "library_collection_items",
                columns: table => new
                {
                    collection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    resource_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_library_collection_items", x => new { x.collection_id, x.resource_id });
                    table.ForeignKey(
                        name: "fk_library_collection_items_library_collections_collection_id",
                        column: x => x.collection_id,
                        principalTable: "library_collections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_library_collection_items_library_resources_resource_id",
                        column: x => x.resource_id,
                        principalTable: "library_resources",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "library_resource_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    resource_id = table.Column<Guid>(type: "uuid", nullable: false),
                    actor_id = table.Column<string>(type: "text", nullable: true),
                    action = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_library_resource_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_library_resource_events_asp_net_users_actor_id",
                        column: x => x.actor_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_library_resource_events_library_resources_resource_id",
                        column: x => x.resource_id,
                        principalTable: "library_resources",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "library_resource_files",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    resource_id = table.Column<Guid>(type: "uuid", nullable: false),
                    stored_file_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    download_count = table.Column<int>(type: "integer", nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_library_resource_files", x => x.id);
                    table.CheckConstraint("ck_library_resource_files_download_count", "download_count >= 0");
                    table.CheckConstraint("ck_library_resource_files_name_not_blank", "btrim(file_name) <> ''");
                    table.ForeignKey(
                        name: "fk_library_resource_files_library_resources_resource_id",
                        column: x => x.resource_id,
                        principalTable: "library_resources",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_library_resource_files_library_stored_files_stored_file_id",
                        column: x => x.stored_file_id,
                        principalTable: "library_stored_files",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_library_collection_items_collection_id_position",
                table: "library_collection_items",
                columns: new[] { "collection_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_library_collection_items_resource_id",
                table: "library_collection_items",
                column: "resource_id");

            migrationBuilder.CreateIndex(
                name: "ix_library_collections_slug",
                table: "library_collections",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_library_resource_events_actor_id",
                table: "library_resource_events",
                column: "actor_id");

            migrationBuilder.CreateIndex(
                name: "ix_library_resource_events_resource_id_at",
                table: "library_resource_events",
                columns: new[] { "resource_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_library_resource_files_resource_id_stored_file_id",
                table: "library_resource_files",
                columns: new[] { "resource_id", "stored_file_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_library_resource_files_stored_file_id",
                table: "library_resource_files",
                column: "stored_file_id");

            migrationBuilder.CreateIndex(
                name: "ix_library_resources_group_id",
                table: "library_resources",
                column: "group_id");

            migrationBuilder.CreateIndex(
                name: "ix_library_resources_sdgs",
                table: "library_resources",
                column: "sdgs")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_library_resources_search_vector",
                table: "library_resources",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_library_resources_slug",
                table: "library_resources",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_library_resources_status_approved_at",
                table: "library_resources",
                columns: new[] { "status", "approved_at" });

            migrationBuilder.CreateIndex(
                name: "ix_library_resources_status_submitted_at",
                table: "library_resources",
                columns: new[] { "status", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_library_resources_submitter_id",
                table: "library_resources",
                column: "submitter_id");

            migrationBuilder.CreateIndex(
                name: "ix_library_resources_topics",
                table: "library_resources",
                column: "topics")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_library_stored_files_pending",
                table: "library_stored_files",
                column: "created_at",
                filter: "extraction = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_library_stored_files_sha256",
                table: "library_stored_files",
                column: "sha256",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_library_stored_files_storage_name",
                table: "library_stored_files",
                column: "storage_name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "library_collection_items");

            migrationBuilder.DropTable(
                name: "library_resource_events");

            migrationBuilder.DropTable(
                name: "library_resource_files");

            migrationBuilder.DropTable(
                name: "library_collections");

            migrationBuilder.DropTable(
                name: "library_resources");

            migrationBuilder.DropTable(
                name: "library_stored_files");
        }
    }
}
