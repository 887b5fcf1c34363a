using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CollabHub.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class LibraryBrowseIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_library_resources_group_id",
                table: "library_resources");

            migrationBuilder.CreateIndex(
                name: "ix_library_resources_entity_status_approved_at",
                table: "library_resources",
                columns: new[] { "entity", "status", "approved_at" });

            migrationBuilder.CreateIndex(
                name: "ix_library_resources_featured_approved_at",
                table: "library_resources",
                column: "approved_at",
                filter: "is_featured");

            migrationBuilder.CreateIndex(
                name: "ix_library_resources_group_id_status_approved_at",
                table: "library_resources",
                columns: new[] { "group_id", "status", "approved_at" });

            migrationBuilder.CreateIndex(
                name: "ix_library_resources_type_status_approved_at",
                table: "library_resources",
                columns: new[] { "type", "status", "approved_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_library_resources_entity_status_approved_at",
                table: "library_resources");

            migrationBuilder.DropIndex(
                name: "ix_library_resources_featured_approved_at",
                table: "library_resources");

            migrationBuilder.DropIndex(
                name: "ix_library_resources_group_id_status_approved_at",
                table: "library_resources");

            migrationBuilder.DropIndex(
                name: "ix_library_resources_type_status_approved_at",
                table: "library_resources");

            migrationBuilder.CreateIndex(
                name: "ix_library_resources_group_id",
                table: "library_resources",
                column: "group_id");
        }
    }
}
