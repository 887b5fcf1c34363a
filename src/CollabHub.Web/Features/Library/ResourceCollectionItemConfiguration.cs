using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CollabHub.Web.Features.Library;

public sealed class ResourceCollectionItemConfiguration : IEntityTypeConfiguration<ResourceCollectionItem>
{
    public void Configure(EntityTypeBuilder<ResourceCollectionItem> builder)
    {
        builder.ToTable("library_collection_items");
        builder.HasKey(i => new { i.CollectionId, i.ResourceId });
        builder.HasIndex(i => new { i.CollectionId, i.Position });
        builder.HasIndex(i => i.ResourceId);
        builder.HasOne<Resource>().WithMany().HasForeignKey(i => i.ResourceId).OnDelete(DeleteBehavior.Cascade);
    }
}
