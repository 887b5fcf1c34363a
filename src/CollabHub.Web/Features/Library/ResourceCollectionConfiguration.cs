using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CollabHub.Web.Features.Library;

public sealed class ResourceCollectionConfiguration : IEntityTypeConfiguration<ResourceCollection>
{
    public void Configure(EntityTypeBuilder<ResourceCollection> builder)
    {
        builder.ToTable("library_collections", t =>
        {
            t.HasCheckConstraint("ck_library_collections_title_not_blank", "btrim(title) <> ''");
            t.HasCheckConstraint("ck_library_collections_slug_format", "slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'");
        });
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Slug).HasMaxLength(Resource.SlugMaxLength);
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.Property(c => c.Title).HasMaxLength(ResourceCollection.TitleMaxLength);
        builder.Property(c => c.Description).HasMaxLength(ResourceCollection.DescriptionMaxLength);
        builder.HasMany(c => c.Items).WithOne().HasForeignKey(i => i.CollectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
