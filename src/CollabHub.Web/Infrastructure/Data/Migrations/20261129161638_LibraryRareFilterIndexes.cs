using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CollabHub.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class LibraryRareFilterIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_library_resources_languages",
                table: "library_resources",
                column: "languages")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_library_resources_published_on",
                table: "library_resources",
                column: "published_on");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_library_resources_languages",
                table: "library_resources");

            migrationBuilder.DropIndex(
                name: "ix_library_resources_published_on",
                table: "library_resources");
        }
    }
}
